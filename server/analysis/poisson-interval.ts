import { gammaQuantile } from './gamma.js';

/**
 * The exact (Garwood) limits for the mean of a Poisson variable seen as `count` (which may be a
 * non-integer expected count, for funnel limits): lower = χ²(α/2; 2x)/2 = Gamma(x) quantile α/2
 * (0 when x = 0), upper = χ²(1 − α/2; 2x + 2)/2 = Gamma(x + 1) quantile 1 − α/2.
 */
function garwood(count: number, confidence: number): [number, number] {
  const alpha = 1 - confidence;
  return [count === 0 ? 0 : gammaQuantile(alpha / 2, count), gammaQuantile(1 - alpha / 2, count + 1)];
}

/** Exact (Garwood) confidence interval for the mean of a Poisson count (see `garwood`). */
export function poissonInterval(count: number, confidence = 0.95): [number, number] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number >= 0 (got ${count})`);
  return garwood(count, confidence);
}

/** A rate per 1,000 residents with its exact 95% interval; null where there are no residents. */
export function rateWithInterval(
  count: number,
  population: number,
  confidence = 0.95,
): { rate: number; lower: number; upper: number } | null {
  if (!(population > 0)) return null;
  const [lo, hi] = poissonInterval(count, confidence);
  return { rate: (count / population) * 1000, lower: (lo / population) * 1000, upper: (hi / population) * 1000 };
}

/**
 * Funnel plot control limits (Spiegelhalter 2005) for a rate per 1,000 at a population size:
 * the exact Poisson interval around the count the target rate would give there, as rates.
 * 95% and 99.8% limits are the usual pair.
 */
export function funnelLimits(
  targetRatePerThousand: number,
  population: number,
  confidence: number,
): { lower: number; upper: number } {
  const expected = (targetRatePerThousand * population) / 1000;
  const [lower, upper] = garwood(expected, confidence);
  return { lower: (lower / population) * 1000, upper: (upper / population) * 1000 };
}

/**
 * The funnel plot's control limits as curves: 95% and 99.8% limits around the target rate at
 * `points` populations spaced evenly on a log scale from `fromPopulation` to `toPopulation`.
 */
export function funnelCurve(targetRatePerThousand: number, fromPopulation: number, toPopulation: number, points = 48) {
  const lo = Math.log(Math.max(1, fromPopulation));
  const hi = Math.log(Math.max(fromPopulation + 1, toPopulation));
  return Array.from({ length: points }, (_, i) => {
    const population = Math.round(Math.exp(lo + ((hi - lo) * i) / (points - 1)));
    const l95 = funnelLimits(targetRatePerThousand, population, 0.95);
    const l998 = funnelLimits(targetRatePerThousand, population, 0.998);
    return { population, lower95: l95.lower, upper95: l95.upper, lower998: l998.lower, upper998: l998.upper };
  });
}
