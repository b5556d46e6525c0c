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

export interface SerialCorrelation {
  /** Lag-1 autocorrelation: Σ (x_t − x̄)(x_{t+1} − x̄) / Σ (x_t − x̄)², over consecutive pairs both present. */
  r1: number;
  /** The values present (n in the rule). */
  n: number;
  /** |r1| > 1.96/√n: significant at 5% against white noise, so the plain Mann-Kendall p is unreliable. */
  significant: boolean;
}

/**
 * Lag-1 autocorrelation of a series in time order, missing values (null) left out of the mean
 * and of every pair they are in. Positive serial correlation makes the Mann-Kendall variance too
 * small and its p too small (Hamed & Rao 1998); the rule |r1| > 1.96/√n is the usual large-sample
 * test of r1 (its standard error under white noise ≈ 1/√n). Null with fewer than 3 values.
 */
export function lag1Autocorrelation(series: readonly (number | null)[]): SerialCorrelation | null {
  const present = series.filter((v): v is number => v !== null);
  const n = present.length;
  if (n < 3) return null;
  const mean = present.reduce((a, v) => a + v, 0) / n;
  let num = 0;
  for (let t = 0; t + 1 < series.length; t++) {
    const [a, b] = [series[t], series[t + 1]];
    if (a !== null && a !== undefined && b !== null && b !== undefined) num += (a - mean) * (b - mean);
  }
  const den = present.reduce((acc, v) => acc + (v - mean) ** 2, 0);
  const r1 = den > 0 ? num / den : 0;
  return { r1, n, significant: Math.abs(r1) > 1.96 / Math.sqrt(n) };
}
