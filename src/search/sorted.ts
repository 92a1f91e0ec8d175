// Sorted data: role numbers in ascending typed arrays searched by halving, and the top of a list without a full sort.

/** Position of a value in an ascending array, or -1. */
export function indexOf(xs: Uint32Array, v: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const x = xs[mid]!;
    if (x === v) return mid;
    if (x < v) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The array with its first `k` elements sorted (and the rest after them, unsorted): a page needs no full sort. */
export function topK<T>(xs: T[], k: number, cmp: (a: T, b: T) => number): T[] {
  if (k >= xs.length / 4) return xs.sort(cmp);
  const top: T[] = [];
  const rest: T[] = [];
  for (const x of xs) {
    if (top.length < k) {
      top.push(x);
      if (top.length === k) top.sort(cmp);
      continue;
    }
    if (k === 0 || cmp(x, top[k - 1]!) >= 0) {
      rest.push(x);
      continue;
    }
    let i = k - 1;
    while (i > 0 && cmp(x, top[i - 1]!) < 0) i--;
    rest.push(top.pop()!);
    top.splice(i, 0, x);
  }
  if (top.length < k) top.sort(cmp);
  return [...top, ...rest];
}

/** One collator for every comparison: String#localeCompare builds one per call, which is slow over 100k roles. */
export const collate = new Intl.Collator('en').compare;
