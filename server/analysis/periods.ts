/**
 * Period grids for change over time. Every period is a closed range of days (YYYY-MM-DD). Periods
 * are complete ones ending on or before the date asked about, and every grid lands on the
 * restricted-data grid (whole months, or whole Monday-to-Sunday weeks).
 */
export type PeriodKind = 'fortnight' | 'month' | 'quarter' | 'rolling-12' | 'financial-year' | 'year';

export const PERIOD_KINDS: readonly PeriodKind[] = [
  'fortnight',
  'month',
  'quarter',
  'rolling-12',
  'financial-year',
  'year',
];

export interface Period {
  from: string;
  to: string;
  label: string;
}

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const time = (d: string) => Date.parse(`${d}T00:00:00Z`);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Whether the grid needs day-dated data (a fortnight does; the rest are whole months). */
export function needsDays(kind: PeriodKind): boolean {
  return kind === 'fortnight';
}

/** Months in one period of a month-based kind, and the month (0-11) its periods start on. */
const MONTH_GRID: Record<Exclude<PeriodKind, 'fortnight'>, { months: number; startMonth: number | null }> = {
  month: { months: 1, startMonth: null },
  quarter: { months: 3, startMonth: 0 },
  'rolling-12': { months: 12, startMonth: null },
  'financial-year': { months: 12, startMonth: 3 },
  year: { months: 12, startMonth: 0 },
};

/** The whole months [start, start + months) as a period; start as a month index since year 0. */
function monthPeriod(kind: Exclude<PeriodKind, 'fortnight'>, start: number, months: number): Period {
  const from = `${String(Math.floor(start / 12)).padStart(4, '0')}-${String((start % 12) + 1).padStart(2, '0')}-01`;
  const endMonth = start + months; // exclusive
  const to = iso(Date.UTC(Math.floor(endMonth / 12), endMonth % 12, 1) - DAY);
  const y = Math.floor(start / 12);
  const label =
    kind === 'month'
      ? `${MONTHS[start % 12]} ${y}`
      : kind === 'quarter'
        ? `Q${Math.floor((start % 12) / 3) + 1} ${y}`
        : kind === 'financial-year'
          ? `${y}/${String((y + 1) % 100).padStart(2, '0')}`
          : kind === 'year'
            ? String(y)
            : `12 months to ${MONTHS[(endMonth - 1) % 12]} ${Math.floor((endMonth - 1) / 12)}`;
  return { from, to, label };
}

/**
 * The `count` most recent complete periods of a kind ending on or before `asOf`, oldest first.
 * Fortnights are two whole weeks (Monday to Sunday) ending on the last Sunday before `asOf`
 * (a panel meeting on a Thursday reviews the two weeks to the Sunday before), stepping back two
 * weeks at a time. Rolling 12 months end with the last complete month and step back a year.
 */
export function periodSeries(kind: PeriodKind, asOf: string, count: number): Period[] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(time(asOf)))
    throw new RangeError(`expected a date YYYY-MM-DD (got ${asOf})`);
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`count must be a whole number >= 1 (got ${count})`);
  const out: Period[] = [];
  if (kind === 'fortnight') {
    const day = new Date(time(asOf)).getUTCDay(); // 0 = Sunday
    const lastSunday = time(asOf) - (day === 0 ? 7 : day) * DAY; // strictly before asOf
    for (let i = count - 1; i >= 0; i--) {
      const to = lastSunday - 14 * i * DAY;
      out.push({ from: iso(to - 13 * DAY), to: iso(to), label: `Fortnight ${iso(to - 13 * DAY)} to ${iso(to)}` });
    }
    return out;
  }
  const { months, startMonth } = MONTH_GRID[kind];
  // The first month not complete on asOf: the month of the day after it.
  const next = new Date(time(asOf) + DAY);
  const endExclusive = next.getUTCFullYear() * 12 + next.getUTCMonth();
  let lastEnd = endExclusive;
  if (startMonth !== null) lastEnd -= (((lastEnd - startMonth) % months) + months) % months;
  for (let i = count - 1; i >= 0; i--) out.push(monthPeriod(kind, lastEnd - months * (i + 1), months));
  return out;
}

/** The same period a year earlier (52 weeks earlier for a fortnight, so the weekdays match). */
export function yearEarlier(p: Period): Period {
  const shiftDays = (d: string, days: number) => iso(time(d) - days * DAY);
  const shiftYear = (d: string) => `${Number(d.slice(0, 4)) - 1}${d.slice(4)}`;
  const wholeMonths = p.from.endsWith('-01') && new Date(time(p.to) + DAY).getUTCDate() === 1;
  if (!wholeMonths)
    return { from: shiftDays(p.from, 364), to: shiftDays(p.to, 364), label: `${p.label}, 52 weeks earlier` };
  const to = iso(Date.UTC(Number(p.to.slice(0, 4)) - 1, Number(p.to.slice(5, 7)), 1) - DAY); // month end a year earlier (leap years)
  return { from: shiftYear(p.from), to, label: `${p.label}, a year earlier` };
}

/** Days in a period (for comparing periods of unequal length). */
export function periodDays(p: Period): number {
  return Math.round((time(p.to) - time(p.from)) / DAY) + 1;
}

/**
 * The selection period (months YYYY-MM or days YYYY-MM-DD) shifted back: to the period of the same
 * length just before it, or to a year earlier (12 months, or 52 weeks for days, which keeps
 * whole Monday-to-Sunday weeks whole).
 */
export function shiftSelectionPeriod(from: string, to: string, to_: 'previous' | 'year'): { from: string; to: string } {
  if (from.length === 7) {
    const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
    const month = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
    const shift = to_ === 'year' ? 12 : index(to) - index(from) + 1;
    return { from: month(index(from) - shift), to: month(index(to) - shift) };
  }
  const days = to_ === 'year' ? 364 : Math.round((time(to) - time(from)) / DAY) + 1;
  return { from: iso(time(from) - days * DAY), to: iso(time(to) - days * DAY) };
}

/** The whole months from one YYYY-MM to another, as periods. */
export function monthsBetween(from: string, to: string): Period[] {
  const start = Number(from.slice(0, 4)) * 12 + Number(from.slice(5, 7)) - 1;
  const end = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7)) - 1;
  return Array.from({ length: Math.max(0, end - start + 1) }, (_, i) => monthPeriod('month', start + i, 1));
}
