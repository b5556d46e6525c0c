import poissonCdf from '@stdlib/stats-base-dists-poisson-cdf';

export interface MonthCompleteness {
  month: string;
  count: number;
  /** True when the count is implausibly low against the area's typical month (under-supplied data). */
  low: boolean;
}

const daysIn = (month: string) =>
  new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();

/**
 * A data-completeness indicator per month (YYYY-MM). The typical month is the median daily count
 * times the month's days (February is shorter, not under-supplied). A month is flagged when it
 * is both under three quarters of that and in the 0.1% Poisson tail below it: a force that sent
 * police.uk half a month's data stands out, while ordinary variation (crime counts vary more than
 * Poisson) does not. Needs three months or more.
 */
export function completeness(months: readonly { month: string; count: number }[], alpha = 0.001): MonthCompleteness[] {
  const daily = months.map((m) => m.count / daysIn(m.month)).sort((a, b) => a - b);
  const mid = daily.length / 2;
  const median =
    daily.length === 0 ? 0 : daily.length % 2 ? daily[Math.floor(mid)]! : (daily[mid - 1]! + daily[mid]!) / 2;
  return months.map((m) => {
    const expected = median * daysIn(m.month);
    return {
      ...m,
      low: months.length >= 3 && expected > 0 && m.count < 0.75 * expected && poissonCdf(m.count, expected) < alpha,
    };
  });
}
