/**
 * A longest common subsequence of two sequences, as the pairs of indexes it matches. Used twice: over
 * a resolution's normalised paragraphs, then over the tokens of two paragraphs that differ.
 */

/** Past this many cells the middle of two sequences is taken as wholly replaced rather than aligned. */
const MAX_CELLS = 4_000_000;

/** Matched index pairs `[i, j]` (a[i] equals b[j]), increasing in both. */
export function lcs<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): [number, number][] {
  let start = 0;
  while (start < a.length && start < b.length && same(a[start], b[start])) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && same(a[endA - 1], b[endB - 1])) {
    endA--;
    endB--;
  }
  const pairs: [number, number][] = [];
  for (let k = 0; k < start; k++) pairs.push([k, k]);
  const n = endA - start;
  const m = endB - start;
  if (n > 0 && m > 0 && n * m <= MAX_CELLS) pairs.push(...middle(a, b, start, n, m, same));
  for (let k = 0; k < a.length - endA; k++) pairs.push([endA + k, endB + k]);
  return pairs;
}

/** The classic table, suffix lengths so the walk back reads forwards. */
function middle<T>(
  a: readonly T[],
  b: readonly T[],
  start: number,
  n: number,
  m: number,
  same: (x: T, y: T) => boolean,
): [number, number][] {
  const width = m + 1;
  const table = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      table[i * width + j] = same(a[start + i], b[start + j])
        ? table[(i + 1) * width + j + 1] + 1
        : Math.max(table[(i + 1) * width + j], table[i * width + j + 1]);
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (same(a[start + i], b[start + j])) {
      pairs.push([start + i, start + j]);
      i++;
      j++;
    } else if (table[(i + 1) * width + j] >= table[i * width + j + 1]) i++;
    else j++;
  }
  return pairs;
}

/**
 * The pairs `[i, j]`, increasing in both, of `n` items with `m` others whose weights add up to the most;
 * `weight(i, j)` is null for two items that may not be paired. Where totals tie, earlier pairs win. Used
 * between two paragraphs the LCS matched, so that each edited paragraph is paired with the one it is
 * most like, not the first one alike enough. Past `MAX_CELLS`, nothing is paired.
 */
export function heaviestPairs(
  n: number,
  m: number,
  weight: (i: number, j: number) => number | null,
): [number, number][] {
  if (n * m > MAX_CELLS) return [];
  const width = m + 1;
  const best = new Float64Array((n + 1) * width);
  const w: (number | null)[] = new Array<number | null>(n * m);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) {
      const here = (w[i * m + j] = weight(i, j));
      const skip = Math.max(best[(i + 1) * width + j], best[i * width + j + 1]);
      best[i * width + j] = here === null ? skip : Math.max(skip, here + best[(i + 1) * width + j + 1]);
    }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const here = w[i * m + j];
    if (here !== null && here + best[(i + 1) * width + j + 1] >= best[i * width + j]) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (best[(i + 1) * width + j] >= best[i * width + j + 1]) i++;
    else j++;
  }
  return pairs;
}
