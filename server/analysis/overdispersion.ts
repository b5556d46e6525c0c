import { gammaQuantile, regularisedGamma } from './gamma.js';

/**
 * Over-dispersion of area rates around a funnel plot's target (Spiegelhalter 2005, "Funnel plots
 * for comparing institutional performance", Stat Med 24:1185, §3.4-3.5; and "Handling
 * over-dispersion of performance indicators", Qual Saf Health Care 14:347). Rates are per 1,000
 * residents; an area with `count` incidents among `population` residents has rate y = 1000 O/n,
 * and under the Poisson null around the target θ its variance is s² = 1000 θ / n.
 */

export interface FunnelArea {
  count: number;
  population: number;
}

export interface Dispersion {
  /** Areas used (those with residents). */
  areas: number;
  /** Fraction winsorised at each end of the z-scores (0.1 = to their 10th and 90th percentiles). */
  winsorise: number;
  /** Each area's z-score (y − θ)/s, in the order given (null where it has no residents). */
  z: (number | null)[];
  /** φ = Σ z_w² / I with the winsorised z-scores. */
  phi: number;
  /** Between-area variance of the rate per 1,000 (additive random effects, DerSimonian-Laird), 0 if I φ ≤ I − 1. */
  tau2: number;
  /** I φ against χ² on I − 1 degrees of freedom (the target is the areas' pooled rate): the test of over-dispersion. */
  chiSquare: number;
  df: number;
  p: number;
}

/** The R type-7 quantile of sorted values (linear between order statistics, as R's default). */
function quantile7(sorted: readonly number[], prob: number): number {
  const h = (sorted.length - 1) * prob;
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? 0) - sorted[lo]!);
}

/** Values pulled in to their `fraction` and 1 − `fraction` quantiles (R type 7). */
export function winsorise(values: readonly number[], fraction: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const lo = quantile7(sorted, fraction);
  const hi = quantile7(sorted, 1 - fraction);
  return values.map((v) => Math.min(hi, Math.max(lo, v)));
}

/**
 * φ and τ² of the areas around the target rate θ (per 1,000), from z-scores winsorised at
 * `fraction` each end: φ = Σ z_w²/I (multiplicative), and τ² = (I φ − (I − 1)) / (Σ w − Σ w²/Σ w)
 * with w = 1/s² (additive, Spiegelhalter 2005 QSHC eq. 2), 0 when I φ ≤ I − 1. Null with fewer
 * than 3 areas, too few to tell over-dispersion from chance.
 */
export function overdispersion(
  areas: readonly FunnelArea[],
  targetPerThousand: number,
  fraction = 0.1,
): Dispersion | null {
  const z = areas.map((a) =>
    a.population > 0 && targetPerThousand > 0
      ? ((1000 * a.count) / a.population - targetPerThousand) / Math.sqrt((1000 * targetPerThousand) / a.population)
      : null,
  );
  const used = areas.filter((_, i) => z[i] !== null);
  const n = used.length;
  if (n < 3) return null;
  const zw = winsorise(
    z.filter((v): v is number => v !== null),
    fraction,
  );
  const phi = zw.reduce((s, v) => s + v * v, 0) / n;
  const w = used.map((a) => a.population / (1000 * targetPerThousand));
  const sw = w.reduce((s, v) => s + v, 0);
  const sw2 = w.reduce((s, v) => s + v * v, 0);
  const tau2 = Math.max(0, (n * phi - (n - 1)) / (sw - sw2 / sw));
  const chiSquare = n * phi;
  const df = n - 1;
  return {
    areas: n,
    winsorise: fraction,
    z,
    phi,
    tau2,
    chiSquare,
    df,
    p: regularisedGamma(df / 2, chiSquare / 2).q,
  };
}

/** The two-sided standard normal quantile for a confidence: z with P(|Z| ≤ z) = confidence, as √χ²₁. */
export function normalTwoSided(confidence: number): number {
  return Math.sqrt(2 * gammaQuantile(confidence, 0.5));
}

export type FunnelMethod = 'poisson' | 'multiplicative' | 'additive';

/**
 * Over-dispersed control limits at a population (normal approximation, Spiegelhalter 2005):
 * multiplicative θ ± z √φ s (φ taken as 1 when below it), additive θ ± z √(s² + τ²); the lower
 * limit no lower than 0.
 */
export function overdispersedLimits(
  targetPerThousand: number,
  population: number,
  confidence: number,
  dispersion: Pick<Dispersion, 'phi' | 'tau2'>,
  method: Exclude<FunnelMethod, 'poisson'>,
): { lower: number; upper: number } {
  const s2 = (1000 * targetPerThousand) / population;
  const spread =
    normalTwoSided(confidence) *
    Math.sqrt(method === 'multiplicative' ? Math.max(1, dispersion.phi) * s2 : s2 + dispersion.tau2);
  return { lower: Math.max(0, targetPerThousand - spread), upper: targetPerThousand + spread };
}
