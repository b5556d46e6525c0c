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
export function precisionProblem(
  datasets: readonly { name: string; datePrecision: 'month' | 'day' | 'datetime' }[],
  demands: DateDemands,
): string | null {
  const needs = demands.hours ? 'datetime' : demands.days || demands.weekdays ? 'day' : 'month';
  if (needs === 'month') return null;
  const rank = { month: 0, day: 1, datetime: 2 } as const;
  const short = datasets.filter((d) => rank[d.datePrecision] < rank[needs]);
  if (short.length === 0) return null;
  const asked = [demands.days && 'dates', demands.weekdays && 'weekdays', demands.hours && 'hours']
    .filter(Boolean)
    .join(', ');
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
  const name = (d: string) =>
    new Date(`${d}T00:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' });
  const problems = [
    weekday(from) !== 1 && `"from" ${from} is a ${name(from)}`,
    weekday(to) !== 0 && `"to" ${to} is a ${name(to)}`,
  ].filter(Boolean);
  if (problems.length === 0) return null;
  return `restricted data is released for whole months (YYYY-MM) or whole weeks from a Monday to a Sunday: ${problems.join(' and ')}`;
}

/** The fewest residents an area may have for restricted data to be released over it. */
export const MIN_RESTRICTED_POPULATION = 5000;

/**
 * Why restricted data may not be released over this area, or null. Restricted data is released
 * only for fixed geographies of some size (as the ONS releases census tables for output areas
 * with minimum populations): a local authority, a force area, or a partnership (seeded, drawn
 * or made of authorities) of at least MIN_RESTRICTED_POPULATION residents. A list of cells, or
 * a drawn area small enough to isolate a few incidents, is refused. `residents` is the area's.
 */
export function restrictedAreaProblem(
  area: { kind: 'lad' | 'pfa' | 'partnership' | 'cells' } | undefined,
  residents: number | null,
): string | null {
  if (!area) return null;
  if (area.kind === 'cells')
    return 'restricted data is released only for fixed areas (a local authority, a force area or a partnership), not for a list of cells: choose one of those';
  if (residents !== null && residents < MIN_RESTRICTED_POPULATION)
    return `restricted data is released only for areas of at least ${MIN_RESTRICTED_POPULATION.toLocaleString('en-GB')} residents; this one has about ${Math.round(residents).toLocaleString('en-GB')}: choose a larger area`;
  return null;
}
