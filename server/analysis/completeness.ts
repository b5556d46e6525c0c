import { poissonCdf } from './gamma.js';

export interface MonthCompleteness {
  month: string;
  count: number;
  /** What the month would hold were it supplied like the others: see `completeness`. */
  expected: number;
  /** True when the count is implausibly low against that (under-supplied data). */
  low: boolean;
}

/** A month is flagged below this share of its expected count. */
export const LOW_SHARE = 0.6;

const daysIn = (month: string) =>
  new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();

/** The upper quartile (R's default quantile, type 7: linear between order statistics). */
export function upperQuartile(values: readonly number[]): number {
  const v = [...values].sort((a, b) => a - b);
  if (v.length === 0) return 0;
  const h = (v.length - 1) * 0.75;
  const lo = Math.floor(h);
  return v[lo]! + (h - lo) * ((v[lo + 1] ?? v[lo]!) - v[lo]!);
}

/** The rule in words, for the `method` of responses. */
export const COMPLETENESS_METHOD = `a month is flagged as under-supplied when its count is below ${LOW_SHARE * 100}% of its expected count and in the 0.1% Poisson tail below it; expected: the upper quartile of the other months' daily counts times the month's days. The upper quartile stays at the level of fully supplied months until a quarter of the other months are short, where the median falls with a run of short months; the ${LOW_SHARE * 100}% share allows for crime counts varying more than Poisson from month to month (every real month of the bundled police.uk data is above 70% of it). Needs three months or more`;

/**
 * A data-completeness indicator per month (YYYY-MM), as COMPLETENESS_METHOD says. The earlier
 * rule (below three quarters of the median month and in its 0.1% Poisson tail) missed runs of
 * short months: three short months of five are the median, and the Poisson tail, ignoring
 * over-dispersion, is far narrower than real month-to-month variation.
 */
export function completeness(months: readonly { month: string; count: number }[], alpha = 0.001): MonthCompleteness[] {
  const daily = months.map((m) => m.count / daysIn(m.month));
  return months.map((m, i) => {
    const expected = upperQuartile(daily.filter((_, j) => j !== i)) * daysIn(m.month);
    const low =
      months.length >= 3 && expected > 0 && m.count < LOW_SHARE * expected && poissonCdf(m.count, expected) < alpha;
    return { ...m, expected, low };
  });
}
