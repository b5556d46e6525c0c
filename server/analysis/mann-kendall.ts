import { twoSidedP } from './normal.js';

export interface MannKendall {
  /** S = Σ over pairs i < j of sign(x_j − x_i). */
  s: number;
  /** Var(S) with the correction for ties. */
  variance: number;
  /** Kendall's tau-a, S over the number of pairs: -1 (always falling) to 1 (always rising). */
  tau: number;
  /** Normal approximation with continuity correction: (S − sign(S)) / √Var(S). */
  z: number;
  /** Two-sided p of z. */
  p: number;
}

/**
 * The Mann-Kendall trend test over a series in time order (Mann 1945; Kendall 1975):
 * Var(S) = [n(n−1)(2n+5) − Σ t(t−1)(2t+5)] / 18, t the sizes of groups of tied values.
 */
export function mannKendall(series: readonly number[]): MannKendall {
  const n = series.length;
  let s = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) s += Math.sign(series[j]! - series[i]!);
  const ties = new Map<number, number>();
  for (const v of series) ties.set(v, (ties.get(v) ?? 0) + 1);
  let tieTerm = 0;
  for (const t of ties.values()) tieTerm += t * (t - 1) * (2 * t + 5);
  const variance = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
  const z = variance > 0 && s !== 0 ? (s - Math.sign(s)) / Math.sqrt(variance) : 0;
  const pairs = (n * (n - 1)) / 2;
  return { s, variance, tau: pairs > 0 ? s / pairs : 0, z, p: variance > 0 ? twoSidedP(z) : 1 };
}
