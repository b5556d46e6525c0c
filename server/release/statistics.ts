/**
 * Statistics made from released values alone (post-processing of the release gate's output):
 * each takes released counts or totals, a withheld one counted as its stand-in (rules.ts), so
 * nothing here can tell more than the released values do.
 */
import { type ChangeClass, classifyChanges } from '../analysis/change.js';
import { completeness } from '../analysis/completeness.js';
import { type Concentration, concentration } from '../analysis/concentration.js';
import { type HotspotOptions, type HotspotResult, hotspots } from '../analysis/hotspots.js';
import type { Ring } from '../analysis/neighbourhood.js';
import { releasedCount, statValue, statValues } from './rules.js';

type Released = ReadonlyMap<string, number | null>;

/** Getis-Ord Gi* over a region (its cells with no row count 0) from the released counts. */
export function releasedHotspots(
  region: readonly string[],
  released: Released,
  threshold: number | null,
  k: Ring,
  options: HotspotOptions = {},
): HotspotResult {
  return hotspots(region, statValues(released, threshold), k, options);
}

/**
 * How concentrated the released counts are over a region's cells, zero cells included, with the
 * least values their total could give and the generalised Gini (analysis/concentration.ts).
 */
export function releasedConcentration(
  region: readonly string[],
  released: Released,
  threshold: number | null,
): Concentration {
  return concentration(region.map((h3) => statValue(releasedCount(released, h3), threshold)));
}

export interface TotalChange {
  /** The released total compared with (the earlier period's). */
  count: number | null;
  /** Per cent change from it; null where either total is withheld or the earlier one is 0. */
  percent: number | null;
  p: number;
  class: ChangeClass;
}

/**
 * The change from one released total to another: the exact conditional binomial test of the two
 * (a withheld total as its stand-in), and the per cent change where both are released.
 */
export function releasedChange(
  now: number | null,
  then: number | null,
  threshold: number | null,
  days: { currentDays: number; comparisonDays: number } = { currentDays: 1, comparisonDays: 1 },
): TotalChange {
  const [result] = classifyChanges(
    [{ h3: 'area', current: statValue(now, threshold), comparison: statValue(then, threshold) }],
    { test: 'two-periods', ...days },
  );
  return {
    count: then,
    percent: now !== null && then ? ((now - then) / then) * 100 : null,
    p: result!.p,
    class: result!.class,
  };
}

/**
 * Data completeness month by month (YYYY-MM) from released monthly totals: each month as released
 * (null where withheld), its expected count (rounded) and whether it is flagged low against it
 * (analysis/completeness.ts), from the stand-in values.
 */
export function releasedCompleteness(
  months: readonly string[],
  totals: readonly (number | null)[],
  threshold: number | null,
): { month: string; count: number | null; expected: number; low: boolean }[] {
  const flagged = completeness(months.map((month, i) => ({ month, count: statValue(totals[i]!, threshold) })));
  return flagged.map((m, i) => ({ month: m.month, count: totals[i]!, expected: Math.round(m.expected), low: m.low }));
}
