/**
 * Cell key perturbation (the ONS method used for Census 2021 outputs): each released count of
 * restricted data gets a small zero-mean noise chosen by its cell key (the sum of its records'
 * random keys mod 256). The same records always give the same key, so asking again, or asking a
 * different question that happens to cover the same records, gives the same answer; two requests
 * that differ by a few records get independent noise, so subtracting them does not give the
 * difference.
 */

/** Cell keys run 0-255: a record key is one random byte. */
export const KEY_SPACE = 256;

/**
 * The perturbation table: for a count n >= k, how many of the 256 cell keys give each
 * perturbation from -m to +m, where m = min(2, n - k) so no released count falls below k.
 * Every row is symmetric, so the noise has mean zero at every count.
 */
const ROWS: Record<0 | 1 | 2, readonly number[]> = {
  0: [256], // n = k: released as k
  1: [57, 142, 57], // n = k + 1: -1, 0, +1
  2: [13, 51, 128, 51, 13], // n >= k + 2: -2 .. +2
};

/** The largest perturbation in either direction. */
export const MAX_PERTURBATION = 2;

/** The published table as a description, for responses and docs. */
export const PTABLE_DESCRIPTION =
  'cell key method: counts of k or more get zero-mean noise of at most ±2 (probabilities 5%, 20%, 50%, 20%, 5%; ' +
  "narrower near k so no released count falls below k), chosen by the sum of the records' random keys mod 256";

/** The row of the table for a count (n >= k). */
function rowFor(count: number, threshold: number): readonly number[] {
  return ROWS[Math.min(MAX_PERTURBATION, count - threshold) as 0 | 1 | 2];
}

/** The perturbation the table gives a count of n >= k with this cell key. */
export function perturbation(count: number, cellKey: number, threshold: number): number {
  if (count < threshold)
    throw new RangeError(`perturbation applies to counts of at least k=${threshold} (got ${count})`);
  if (!Number.isInteger(cellKey) || cellKey < 0 || cellKey >= KEY_SPACE)
    throw new RangeError(`cell key must be 0-255 (got ${cellKey})`);
  const row = rowFor(count, threshold);
  const m = (row.length - 1) / 2;
  let cumulative = 0;
  for (const [i, slots] of row.entries()) {
    cumulative += slots;
    if (cellKey < cumulative) return i - m;
  }
  throw new Error('perturbation table row does not cover 256 keys');
}

/** The perturbations a released count of n may carry (for attack tests and the docs). */
export function possiblePerturbations(count: number, threshold: number): number[] {
  const m = (rowFor(count, threshold).length - 1) / 2;
  return Array.from({ length: 2 * m + 1 }, (_, i) => i - m);
}

/** The cell key of a union of disjoint groups of records, from theirs. */
export function combineKeys(keys: Iterable<number>): number {
  let sum = 0;
  for (const k of keys) sum = (sum + k) % KEY_SPACE;
  return sum;
}
