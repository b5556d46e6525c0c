import type { NeighbourList } from './neighbours.js';
import { seededRandom } from './random.js';

export const PERMUTATIONS = 999;
export const PERMUTATION_SEED = 24;

export interface PermutationResult {
  /** Pseudo p-value, one-sided in the direction observed: (min(#sim >= obs, #sim <= obs) + 1) / (R + 1). */
  p: Float64Array;
  /** +1 where the observed local sum is in the upper tail of its permutations, -1 lower, 0 neither. */
  direction: Int8Array;
}

/**
 * Conditional-permutation pseudo p-values of Gi* (Anselin 1995; PySAL esda G_Local with
 * star=True): cell i keeps its own value and its w−1 other neighbours' values are redrawn, R
 * times, without replacement from the other n−1 cells. Gi* is a monotone function of the local
 * sum for fixed i, so the sums are compared. As in esda, the R draws of positions are made once
 * and shared by every cell (a position at or after i's own is read one further on, skipping i).
 * esda folds with R − #(sim >= obs), which counts ties as below; here ties count on both sides
 * (#(sim <= obs)), so a cell whose sum equals every permutation's (all zeros) is not significant.
 * Seeded: the same values give the same p every time.
 */
export function permutationGiStar(
  values: ArrayLike<number>,
  neighbours: NeighbourList,
  permutations = PERMUTATIONS,
  seed = PERMUTATION_SEED,
): PermutationResult {
  const n = values.length;
  const { offsets, indices } = neighbours;
  const p = new Float64Array(n).fill(Number.NaN);
  const direction = new Int8Array(n);
  if (n < 2) return { p, direction };
  let most = 0;
  for (let i = 0; i < n; i++) most = Math.max(most, offsets[i + 1]! - offsets[i]! - 1);
  most = Math.min(most, n - 1);
  const draws = drawPositions(n - 1, most, permutations, seededRandom(seed));
  for (let i = 0; i < n; i++) {
    const others = Math.min(offsets[i + 1]! - offsets[i]! - 1, n - 1);
    let observed = 0;
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) observed += values[indices[k]!]!;
    const own = values[i]!;
    let above = 0;
    let below = 0;
    for (let r = 0; r < permutations; r++) {
      let sum = own;
      const row = r * most;
      for (let m = 0; m < others; m++) {
        const j = draws[row + m]!;
        sum += values[j < i ? j : j + 1]!;
      }
      if (sum >= observed) above++;
      if (sum <= observed) below++;
    }
    p[i] = (Math.min(above, below) + 1) / (permutations + 1);
    direction[i] = above < below ? 1 : below < above ? -1 : 0;
  }
  return { p, direction };
}

/** R rows of `size` distinct positions in 0..n−1, each row a uniform random draw (partial Fisher-Yates, undone after). */
function drawPositions(n: number, size: number, rows: number, random: () => number): Int32Array {
  const out = new Int32Array(rows * size);
  const pool = Int32Array.from({ length: n }, (_, i) => i);
  const swapped = new Int32Array(size);
  for (let r = 0; r < rows; r++) {
    for (let m = 0; m < size; m++) {
      const j = m + Math.floor(random() * (n - m));
      swapped[m] = j;
      const t = pool[m]!;
      pool[m] = pool[j]!;
      pool[j] = t;
      out[r * size + m] = pool[m]!;
    }
    for (let m = size - 1; m >= 0; m--) {
      const j = swapped[m]!;
      const t = pool[m]!;
      pool[m] = pool[j]!;
      pool[j] = t;
    }
  }
  return out;
}
