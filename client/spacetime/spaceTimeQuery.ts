import { addMonths, type Period } from '../period/months';

/** The API's limits on the number of periods of a space-time series. */
export const MIN_PERIODS = 4;
export const MAX_PERIODS = 24;

/**
 * The map's months as the space-time series asks for them: monthly periods ending with `to`
 * (as of its last day), one per month from `from`; null where there are fewer than 4 months.
 * Over 24 months, the latest 24.
 */
export function monthlySeries(period: Period): { asOf: string; periods: number } | null {
  let months = 1;
  while (addMonths(period.from, months) <= period.to) months++;
  if (months < MIN_PERIODS) return null;
  const next = addMonths(period.to, 1);
  const lastDay = new Date(Date.UTC(Number(next.slice(0, 4)), Number(next.slice(5, 7)) - 1, 0));
  return { asOf: lastDay.toISOString().slice(0, 10), periods: Math.min(months, MAX_PERIODS) };
}
