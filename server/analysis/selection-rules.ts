/** What a selection asks of its datasets' dates, for the precision check. */
export interface DateDemands {
  /** from/to given as days (YYYY-MM-DD). */
  days: boolean;
  weekdays: boolean;
  hours: boolean;
}

/**
 * Why a selection cannot be answered from these datasets, or null. Month-precision data
 * (police.uk) has no day, so it cannot be filtered by date, weekday or hour; day-precision data has
 * no time, so it cannot be filtered by hour.
 */
export function precisionProblem(datasets: readonly { name: string; datePrecision: 'month' | 'day' | 'datetime' }[], demands: DateDemands): string | null {
  const needs = demands.hours ? 'datetime' : demands.days || demands.weekdays ? 'day' : 'month';
  if (needs === 'month') return null;
  const rank = { month: 0, day: 1, datetime: 2 } as const;
  const short = datasets.filter((d) => rank[d.datePrecision] < rank[needs]);
  if (short.length === 0) return null;
  const asked = [demands.days && 'dates', demands.weekdays && 'weekdays', demands.hours && 'hours'].filter(Boolean).join(', ');
  return `${short.map((d) => `"${d.name}" has ${d.datePrecision} precision`).join('; ')}: it cannot be filtered by ${asked}. Use whole months${demands.hours ? ' (or drop the hour filter)' : ''}, or leave ${short.length > 1 ? 'these datasets' : 'it'} out.`;
}

/** Hour ranges like "22-4" (wrapping midnight) or "15-17" (inclusive start, exclusive end) to a set of hours 0-23. */
export function hoursFromRanges(ranges: readonly [number, number][]): number[] {
  const hours = new Set<number>();
  for (const [start, end] of ranges) {
    for (let h = start; h !== end; h = (h + 1) % 24) hours.add(h);
    if (start === end) for (let h = 0; h < 24; h++) hours.add(h);
  }
  return [...hours].sort((a, b) => a - b);
}

/**
 * Restricted data is released on a fixed grid of periods, whole months or whole weeks (Monday to
 * Sunday), so windows cannot be slid a day at a time to isolate single records. Null if the
 * period is on the grid.
 */
export function periodGridProblem(from: string, to: string): string | null {
  if (from.length === 7) return null;
  const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  const name = (d: string) => new Date(`${d}T00:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' });
  const problems = [weekday(from) !== 1 && `"from" ${from} is a ${name(from)}`, weekday(to) !== 0 && `"to" ${to} is a ${name(to)}`].filter(Boolean);
  if (problems.length === 0) return null;
  return `restricted data is released for whole months (YYYY-MM) or whole weeks from a Monday to a Sunday: ${problems.join(' and ')}`;
}
