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

/** The first `k` of an array in `cmp` order, sorted, without sorting the rest (which is dropped). Sorts in place. */
export function topK<T>(xs: T[], k: number, cmp: (a: T, b: T) => number): T[] {
  if (k >= xs.length) return xs.sort(cmp);
  if (k >= xs.length / 4) return xs.sort(cmp).slice(0, k);
  const top: T[] = [];
  for (const x of xs) {
    if (top.length < k) {
      top.push(x);
      if (top.length === k) top.sort(cmp);
      continue;
    }
    if (k === 0 || cmp(x, top[k - 1]!) >= 0) continue;
    let i = k - 1;
    while (i > 0 && cmp(x, top[i - 1]!) < 0) i--;
    top.pop();
    top.splice(i, 0, x);
  }
  return top;
}

/** One collator for every comparison: String#localeCompare builds one per call, which is slow over 100k roles. */
export const collate = new Intl.Collator('en').compare;
