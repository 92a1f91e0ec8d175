// Counting and picking over many roles without sorting them all: summaries must stay quick at 100k roles.
import type { Posting } from '../postings/index.ts';
import { collate, topK } from '../search/sorted.ts';

/** How often each value occurs, most frequent first, ties alphabetical. */
export function countBy(xs: string[]): Array<[string, number]> {
  const m = new Map<string, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1] || collate(a[0], b[0]));
}

/** The `n` most recently posted roles (undated last), ties by company. */
export function newest(roles: Posting[], n: number): Posting[] {
  const cmp = (a: Posting, b: Posting): number => (b.postedAt ?? '').localeCompare(a.postedAt ?? '') || collate(a.company ?? '', b.company ?? '');
  return topK([...roles], n, cmp).slice(0, n);
}
