/**
 * Which places and days the selected datasets cover, and what that makes of a period: missing is
 * not zero. A place is a local authority (LAD); a dataset covers a LAD in a month (the rule that
 * fills `lads` is in server/db/coverage.ts), and on the days from its first to its last.
 */
export interface DatasetCoverage {
  id: number;
  name: string;
  /** YYYY-MM -> the local authorities the dataset covers that month. */
  lads: ReadonlyMap<string, ReadonlySet<string>>;
  /** The first and last day the dataset holds (a month-precision dataset: its months' first and last days). */
  firstDay: string | null;
  lastDay: string | null;
}

/** full: every day covered; none: no day covered; partial: some days (or some of the area's authorities) only. */
export type PeriodCoverage = 'full' | 'partial' | 'none';

export interface CoveredPeriod {
  days: number;
  /** Days on which every authority of the region is covered by some dataset: what a count may be compared on. */
  coveredDays: number;
  coverage: PeriodCoverage;
}

const DAY = 86_400_000;
const dayList = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};

/** Whether a dataset covers a local authority on a day. */
function coversOn(d: DatasetCoverage, lad: string, day: string): boolean {
  if (d.firstDay === null || d.lastDay === null || day < d.firstDay || day > d.lastDay) return false;
  return d.lads.get(day.slice(0, 7))?.has(lad) ?? false;
}

/**
 * The coverage of a period over a region of local authorities: the days on which the datasets
 * together cover every one of them. A period is "none" when no dataset covers any of them on any
 * of its days (its count is missing, not zero), "partial" when some days or some authorities are
 * left out, "full" otherwise. An empty region covers nothing.
 */
export function periodCoverage(
  datasets: readonly DatasetCoverage[],
  lads: readonly string[],
  period: { from: string; to: string },
): CoveredPeriod {
  const days = dayList(period.from, period.to);
  let coveredDays = 0;
  let any = false;
  for (const day of days) {
    const covered = lads.filter((lad) => datasets.some((d) => coversOn(d, lad, day))).length;
    if (covered > 0) any = true;
    if (covered === lads.length && lads.length > 0) coveredDays++;
  }
  const coverage: PeriodCoverage = coveredDays === days.length && days.length > 0 ? 'full' : any ? 'partial' : 'none';
  return { days: days.length, coveredDays, coverage };
}

/** The authorities of `lads` that some dataset covers on at least one day of the periods, in their order. */
export function coveredLads(
  datasets: readonly DatasetCoverage[],
  lads: readonly string[],
  periods: readonly { from: string; to: string }[],
): string[] {
  const days = periods.flatMap((p) => dayList(p.from, p.to));
  return lads.filter((lad) => days.some((day) => datasets.some((d) => coversOn(d, lad, day))));
}

/**
 * The datasets that reach an earlier period, and the rest: a dataset reaches it when it covers,
 * on every day of it, every authority of the area it covers now; one that covers none of the
 * area now (a neighbour's data with a few records over the border) when it covers everything it
 * covers now anywhere. The rule /api/compare uses to decide which datasets a change is counted
 * from, and the trend's (periodCoverage) in another form.
 */
export function datasetsReaching<D extends { id: number }>(
  datasets: readonly D[],
  coverage: readonly DatasetCoverage[],
  areaLads: readonly string[],
  now: { from: string; to: string },
  period: { from: string; to: string },
): { reaching: D[]; missing: D[] } {
  const reaches = (d: D) => {
    const own = coverage.filter((c) => c.id === d.id);
    const inArea = coveredLads(own, areaLads, [now]);
    const anywhere = [...new Set(own.flatMap((c) => [...c.lads.values()].flatMap((set) => [...set])))].sort();
    const lads = inArea.length > 0 ? inArea : coveredLads(own, anywhere, [now]);
    return lads.length > 0 && periodCoverage(own, lads, period).coverage === 'full';
  };
  return { reaching: datasets.filter(reaches), missing: datasets.filter((d) => !reaches(d)) };
}

/** The periods not or only partly covered, in words for notes (null when every period is covered). */
export function coverageNote(periods: readonly (CoveredPeriod & { label: string })[]): string | null {
  const none = periods.filter((p) => p.coverage === 'none');
  const partial = periods.filter((p) => p.coverage === 'partial');
  if (none.length === 0 && partial.length === 0) return null;
  const names = (ps: readonly { label: string }[]) =>
    ps.length <= 3 ? ps.map((p) => p.label).join(', ') : `${ps[0]!.label} … ${ps.at(-1)!.label}`;
  return [
    none.length
      ? `${none.length} of ${periods.length} periods not covered by the selected datasets (${names(none)}): missing, not zero`
      : '',
    partial.length
      ? `${partial.length} partly covered (${partial.map((p) => `${p.label}: ${p.coveredDays} of ${p.days} days`).join('; ')})`
      : '',
  ]
    .filter(Boolean)
    .join('; ');
}
