/** Month strings are `YYYY-MM`, which sort and compare correctly as plain strings. */
export type Month = string;

export interface Period {
  from: Month;
  to: Month;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): value is Month {
  return MONTH.test(value);
}

export function addMonths(month: Month, delta: number): Month {
  const match = MONTH.exec(month);
  if (!match) throw new Error(`Not a YYYY-MM month: ${month}`);
  const index = Number(match[1]) * 12 + Number(match[2]) - 1 + delta;
  const year = Math.floor(index / 12);
  const monthOfYear = (index % 12) + 1;
  return `${String(year).padStart(4, '0')}-${String(monthOfYear).padStart(2, '0')}`;
}

interface MonthCoverage {
  monthFrom: string | null;
  monthTo: string | null;
}

/** Earliest and latest month covered by any of the datasets, or null when none has data. */
export function coverage(datasets: readonly MonthCoverage[]): Period | null {
  const froms = datasets.map((d) => d.monthFrom?.slice(0, 7)).filter(isDefinedMonth);
  const tos = datasets.map((d) => d.monthTo?.slice(0, 7)).filter(isDefinedMonth);
  if (froms.length === 0 || tos.length === 0) return null;
  return { from: froms.reduce(earlier), to: tos.reduce(later) };
}

/** The latest `length` months the datasets cover (fewer if they cover less). */
export function latestMonths(datasets: readonly MonthCoverage[], length = 12): Period | null {
  const covered = coverage(datasets);
  if (!covered) return null;
  return { from: later(covered.from, addMonths(covered.to, -(length - 1))), to: covered.to };
}

function isDefinedMonth(value: string | undefined): value is Month {
  return value !== undefined && isMonth(value);
}

function earlier(a: Month, b: Month): Month {
  return a <= b ? a : b;
}

function later(a: Month, b: Month): Month {
  return a >= b ? a : b;
}

/** The latest `length` months that every dataset covers, or null when they share none. */
export function commonMonths(datasets: readonly MonthCoverage[], length = 12): Period | null {
  if (datasets.length === 0 || datasets.some((d) => !d.monthFrom || !d.monthTo)) return null;
  const from = datasets.map((d) => d.monthFrom!.slice(0, 7)).reduce(later);
  const to = datasets.map((d) => d.monthTo!.slice(0, 7)).reduce(earlier);
  if (from > to) return null;
  return { from: later(from, addMonths(to, -(length - 1))), to };
}
