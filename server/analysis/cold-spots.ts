import { giStarScales } from './getis-ord.js';
import type { NeighbourList } from './neighbours.js';
import { twoSidedP } from './normal.js';

/** The weakest class (90%) needs p < 0.1; the FDR-adjusted q is never below p. */
const WEAKEST = 0.1;

/** log C(n, k) for the small k of a neighbourhood. */
function logChoose(n: number, k: number): number {
  let s = 0;
  for (let j = 0; j < k; j++) s += Math.log(n - j) - Math.log(k - j);
  return s;
}

/** First index of a sorted array whose value is >= v (or > v with `after`). */
function bound(sorted: Float64Array, v: number, after = false): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (after ? sorted[mid]! <= v : sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Whether any cell could be a cold spot (at 90% or more) with these counts in some arrangement.
 * The region's mean and spread do not depend on where the counts lie, so a cell's lowest
 * attainable Gi* is with the smallest counts in its neighbourhood. Normal approximation: some
 * cell's lowest z must have two-sided p < 0.1. Permutation: with the cell's own count as it is,
 * its other neighbours the smallest of the rest, the chance that a permutation's sum is as low
 * (a hypergeometric count of the draws made only of the smallest values) must allow p < 0.1.
 * Non-negative counts with many zeros, where the mean is tiny, make cold spots impossible.
 */
export function coldSpotsPossible(
  values: ArrayLike<number>,
  neighbours: NeighbourList,
  inference: 'normal' | 'permutation',
  permutations = 999,
): boolean {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i]! + sorted[i]!;
  const mean = prefix[n]! / n;
  const scales = giStarScales(values, neighbours);
  for (let i = 0; i < n; i++) {
    const w = neighbours.offsets[i + 1]! - neighbours.offsets[i]!;
    if (!(scales[i]! > 0)) continue;
    if (inference === 'normal') {
      const z = (prefix[w]! - mean * w) / scales[i]!;
      if (z < 0 && twoSidedP(z) < WEAKEST) return true;
      continue;
    }
    // The w−1 smallest of the other n−1 values: all a below v, and w−1−a of the b equal to v.
    const m = w - 1;
    if (m === 0) continue;
    const own = values[i]!;
    const v = own <= sorted[m - 1]! ? sorted[m]! : sorted[m - 1]!;
    const a = bound(sorted, v) - (own < v ? 1 : 0);
    const b = bound(sorted, v, true) - bound(sorted, v) - (own === v ? 1 : 0);
    const chance = Math.exp(logChoose(b, m - a) - logChoose(n - 1, m));
    if ((1 + permutations * chance) / (permutations + 1) < WEAKEST) return true;
  }
  return false;
}
