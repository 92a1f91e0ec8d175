// Role numbers kept in ascending typed arrays, searched by halving.

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
