import type { NeighbourList } from './neighbours.js';

/**
 * Getis-Ord Gi* z-scores with binary weights (Getis & Ord 1992; Ord & Getis 1995), the form
 * ArcGIS's Hot Spot Analysis uses:
 *
 *   Gi* = (Σj wij xj − X̄ Σj wij) / ( S √[ (n Σj wij² − (Σj wij)²) / (n − 1) ] )
 *   X̄ = Σ xj / n,  S = √( Σ xj² / n − X̄² )
 *
 * With binary weights Σ wij = Σ wij² = Wi, the number of neighbours of i in the region (itself
 * included). NaN where the statistic is undefined: every value equal (S = 0), or a cell whose
 * neighbourhood is the whole region (the denominator is 0).
 */
export function getisOrdGiStar(values: ArrayLike<number>, neighbours: NeighbourList): Float64Array {
  const n = values.length;
  const z = new Float64Array(n).fill(Number.NaN);
  const scales = giStarScales(values, neighbours);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const mean = sum / n;
  const { offsets, indices } = neighbours;
  for (let i = 0; i < n; i++) {
    if (!(scales[i]! > 0)) continue;
    let local = 0;
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) local += values[indices[k]!]!;
    z[i] = (local - mean * (offsets[i + 1]! - offsets[i]!)) / scales[i]!;
  }
  return z;
}

/**
 * Incidents per unit of Gi* z for each cell: the statistic's denominator S √[(nWi − Wi²)/(n − 1)].
 * One more incident anywhere in cell i's neighbourhood moves its z by 1/scale. NaN where z is
 * undefined (S = 0, or a neighbourhood that is the whole region).
 */
export function giStarScales(values: ArrayLike<number>, neighbours: NeighbourList): Float64Array {
  const n = values.length;
  const scales = new Float64Array(n).fill(Number.NaN);
  if (n < 2) return scales;
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < n; i++) {
    sum += values[i]!;
    sumSquares += values[i]! * values[i]!;
  }
  const s = Math.sqrt(Math.max(0, sumSquares / n - (sum / n) ** 2));
  for (let i = 0; i < n; i++) {
    const w = neighbours.offsets[i + 1]! - neighbours.offsets[i]!;
    const variance = (n * w - w * w) / (n - 1);
    if (s > 0 && variance > 0) scales[i] = s * Math.sqrt(variance);
  }
  return scales;
}
