import type { CoveredPeriod } from '../analysis/coverage.js';
import { lag1Autocorrelation, mannKendall } from '../analysis/mann-kendall.js';
import { type Period, type PERIOD_KINDS, periodSeries, yearEarlier } from '../analysis/periods.js';
import { seasonalKendall } from '../analysis/seasonal-kendall.js';
import type { Db } from '../db/index.js';
import type { AreaSelector } from '../domain/area.js';
import { releasedAreaTotals } from '../release/gate.js';
import { fromReleasedRule, statValue } from '../release/rules.js';
import { releasedChange } from '../release/statistics.js';
import { areaCoverageNote, coveredPeriods, coverageMethod } from './coverage.js';
import { describeSelection, type PreparedSelection, releaseOf } from './selection.js';

interface TrendParams {
  period: (typeof PERIOD_KINDS)[number];
  asOf: string;
  periods: number;
}

/** Fewer covered periods than this: no trend test at all. */
export const MIN_TREND_PERIODS = 4;
/** Fewer covered periods than this: the test is shown but no trend is claimed (the normal approximation is poor). */
export const MIN_TREND_CLAIM = 8;

/** The periods of an area's trend: the series, and the period a year before its last where the series lacks it. */
export function trendPeriods(q: TrendParams) {
  const series = periodSeries(q.period, q.asOf, q.periods);
  const earlier = yearEarlier(series.at(-1)!);
  const hasEarlier = series.some((p) => p.from === earlier.from && p.to === earlier.to);
  return { series, earlier, periods: hasEarlier ? series : [...series, earlier] };
}

const directionOf = (p: number | null, s: number, n: number) =>
  p === null
    ? `too few covered periods (${n}; at least ${MIN_TREND_PERIODS})`
    : n < MIN_TREND_CLAIM
      ? `too few covered periods to claim a trend (${n}; at least ${MIN_TREND_CLAIM})`
      : p < 0.05
        ? s > 0
          ? 'rising'
          : 'falling'
        : 'no significant trend';

/**
 * One total against another, each period counted on its covered days: missing where either
 * period has no covered day (no dataset covers it: not a fall to zero, nor "new").
 */
function totalChange(
  now: number | null,
  then: number | null,
  threshold: number | null,
  cov: { now: CoveredPeriod; then: CoveredPeriod },
  from: Period,
) {
  if (cov.now.coveredDays === 0 || cov.then.coveredDays === 0) {
    const which = cov.then.coveredDays === 0 ? from.label : 'the last period';
    return {
      from,
      count: cov.then.coverage === 'none' ? null : then,
      percent: null,
      p: null,
      class: null,
      covered: false,
      note: `not covered: no selected dataset covers the whole area on any day of ${which}`,
    };
  }
  const days = { currentDays: cov.now.coveredDays, comparisonDays: cov.then.coveredDays };
  const change = releasedChange(now, then, threshold, days);
  const partial = cov.now.coverage !== 'full' || cov.then.coverage !== 'full';
  // On covered days only: the per cent change of the daily rates.
  const percent =
    partial && now !== null && then
      ? ((now / days.currentDays - then / days.comparisonDays) / (then / days.comparisonDays)) * 100
      : change.percent;
  return {
    from,
    ...change,
    percent,
    class: change.class as string | null,
    p: change.p as number | null,
    covered: true,
    note: partial
      ? `compared on covered days only: ${cov.now.coveredDays} of ${cov.now.days} against ${cov.then.coveredDays} of ${cov.then.days}`
      : null,
  };
}

/**
 * An area's released totals over a series of periods, their trend, and the last period's
 * changes. A period no selected dataset covers is missing (count null, covered false), not zero;
 * the trend tests use the fully covered periods only.
 */
export async function areaTrend(db: Db, s: PreparedSelection, area: AreaSelector, q: TrendParams) {
  const { threshold } = s;
  const { series, earlier, periods } = trendPeriods(q);
  const [released, covered] = await Promise.all([
    releasedAreaTotals(db, releaseOf(s), area, periods),
    coveredPeriods(db, s, area, periods),
  ]);
  const cov = covered.periods;
  // The tests run on what is released (a withheld total as its stand-in), fully covered periods only.
  const values = series.map((_, i) => (cov[i]!.coverage === 'full' ? statValue(released[i]!, threshold) : null));
  const used = values.filter((v): v is number => v !== null);
  const mk = used.length >= MIN_TREND_PERIODS ? mannKendall(used) : null;
  const monthly = q.period === 'month' && series.length >= 12;
  const seasonal = monthly
    ? seasonalKendall(
        values,
        series.map((p) => Number(p.from.slice(5, 7)) - 1),
      )
    : null;
  const serial = lag1Autocorrelation(values);
  const lastIndex = series.length - 1;
  const earlierIndex = periods.findIndex((p) => p.from === earlier.from && p.to === earlier.to);
  const change = (a: number, b: number) =>
    totalChange(released[a]!, released[b]!, threshold, { now: cov[a]!, then: cov[b]! }, periods[b]!);
  const notCovered = series.filter((_, i) => cov[i]!.coverage === 'none').length;
  const partly = series.filter((_, i) => cov[i]!.coverage === 'partial').length;
  const leftOut = await areaCoverageNote(db, covered);
  const notes = [
    notCovered
      ? `${notCovered} of ${series.length} periods are not covered by the selected datasets: missing, not 0`
      : '',
    partly
      ? `${partly} of ${series.length} periods are only partly covered: shown, but left out of the trend tests`
      : '',
    leftOut ?? '',
    serial?.significant
      ? `serial correlation: lag-1 autocorrelation ${serial.r1.toFixed(2)} beyond ±1.96/√${serial.n}; the plain Mann-Kendall p is unreliable${serial.r1 > 0 ? ' (too small)' : ''}${seasonal?.p != null ? ', read the seasonal Kendall test' : ''}`
      : '',
  ].filter(Boolean);
  return {
    area: s.echo.area as string,
    period: q.period,
    asOf: q.asOf,
    ...describeSelection(s, fromReleasedRule(threshold, 'the trend and change tests')),
    series: series.map((p, i) => ({
      ...p,
      count: cov[i]!.coverage === 'none' ? null : released[i]!,
      covered: cov[i]!.coverage === 'full',
      coverage: cov[i]!.coverage,
      coveredDays: cov[i]!.coveredDays,
      days: cov[i]!.days,
    })),
    trend: {
      n: used.length,
      s: mk?.s ?? null,
      tau: mk?.tau ?? null,
      p: mk?.p ?? null,
      direction: directionOf(mk?.p ?? null, mk?.s ?? 0, used.length),
    },
    seasonal: seasonal && {
      ...seasonal,
      direction:
        seasonal.p === null
          ? 'needs two covered years of a month'
          : seasonal.p < 0.05
            ? seasonal.s > 0
              ? 'rising'
              : 'falling'
            : 'no significant trend',
    },
    serialCorrelation: serial,
    lastVsPrevious: change(lastIndex, lastIndex - 1),
    lastVsYearEarlier: change(lastIndex, earlierIndex),
    notes,
    method: {
      coverage: coverageMethod('the totals and tests'),
      trend: `Mann-Kendall test on the fully covered period totals (two-sided, p < 0.05; no test under ${MIN_TREND_PERIODS} covered periods, no trend claimed under ${MIN_TREND_CLAIM})`,
      seasonal: monthly
        ? 'seasonal Kendall test (Hirsch, Slack & Smith 1982): Mann-Kendall S and variance within each calendar month, summed over the months, covered months only; (S − sign S)/√Var, two-sided'
        : 'seasonal Kendall test: monthly series of 12 months or more only',
      serialCorrelation:
        'lag-1 autocorrelation r1 of the covered totals; the plain Mann-Kendall p is unreliable when |r1| > 1.96/√n',
      change:
        'exact conditional binomial test of the two totals, each period counted on its covered days (the period lengths where both are fully covered)',
    },
  };
}
