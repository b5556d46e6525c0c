import { COMPLETENESS_METHOD } from '../analysis/completeness.js';
import { definitionGroups, PRESETS } from '../analysis/definitions.js';
import { datasetsSupplying, type RecordedContent } from '../analysis/group-alignment.js';
import { monthsBetween, shiftSelectionPeriod } from '../analysis/periods.js';
import { areaOnFunnel, funnelCurves, funnelDispersion, funnelNote, withoutZ } from '../analysis/funnel.js';
import { rateWithInterval } from '../analysis/poisson-interval.js';
import { effectiveThreshold } from '../analysis/suppress.js';
import { type Dataset, recordedContent } from '../db/datasets.js';
import type { Db } from '../db/index.js';
import { type AreaSelector, areaKey } from '../domain/area.js';
import { expandGroups } from '../domain/offence-groups.js';
import { type Release, releasedArea, releasedAreaTotal, releasedAreaTotals } from '../release/gate.js';
import { fromReleasedRule, statValue } from '../release/rules.js';
import {
  releasedChange,
  releasedCompleteness,
  releasedConcentration,
  releasedHotspots,
} from '../release/statistics.js';
import { alignmentProblem } from './alignment.js';
import type { Ring } from '../analysis/neighbourhood.js';
import { coveredArea, datasetsCoveringPeriod } from './coverage.js';
import { describeSelection, type PreparedSelection, releaseOf } from './selection.js';

/** Areas side by side: rates with intervals, changes, concentration, completeness, national metrics, a funnel plot. */

export interface CompareParams {
  /** The areas, in the order of `selections` (one prepared selection each). */
  areas: readonly AreaSelector[];
  res: 7 | 8 | 9;
  k: Ring;
  from: string;
  to: string;
}

/** A change on a period only some datasets reach is shown if those datasets hold at least this share of the area's incidents now. */
const MIN_SHARE_FOR_CHANGE = 0.5;

/** How the datasets' date precision decides the comparison's periods, in words. */
function precisionNote(datasets: readonly Dataset[], byDay: boolean): string {
  const kinds = [...new Set(datasets.map((d) => (d.datePrecision === 'month' ? 'month' : 'day')))];
  if (byDay) return 'compared by day: every dataset has dates';
  if (kinds.length > 1)
    return `compared by whole months, the coarser precision: ${datasets.map((d) => `"${d.name}" has ${d.datePrecision === 'month' ? 'months only' : 'dates'}`).join(', ')}`;
  return kinds[0] === 'month' ? 'compared by whole months (the datasets have months only)' : 'compared by whole months';
}

/** The selection's query over some of its datasets, at the threshold those demand. */
const releaseOfSome = (p: PreparedSelection, datasets: readonly Dataset[], query: Partial<Release['query']> = {}) => ({
  query: { ...p.query, datasetIds: datasets.map((d) => d.id), ...query },
  threshold: effectiveThreshold(datasets),
});

/**
 * The comparison of areas, each with its own prepared selection (its own access check), or the
 * refusal when the datasets cannot count the selected groups alike.
 */
export async function compareAreas(db: Db, selections: readonly PreparedSelection[], p: CompareParams) {
  // The same datasets for every area: what they record is read once.
  const datasets = selections[0]!.datasets;
  const recorded = await recordedContent(db, datasets);
  const problem = await alignmentProblem(db, selections[0]!, recorded);
  if (problem) return { ok: false as const, status: 400 as const, body: problem };
  // The areas side by side, and within each its totals, months and metrics (on PostgreSQL the
  // queries run at once; five authorities one after another took twice as long).
  const rows = await Promise.all(p.areas.map((area, i) => compareArea(db, p, area, selections[i]!, recorded)));
  const { pooled, areas, dispersion, drawn } = funnel(rows);
  const populations = rows.map((r) => r.population).filter((n) => n > 0);
  return {
    ok: true as const,
    value: {
      from: p.from,
      to: p.to,
      res: p.res,
      pooledRate: pooled,
      funnel: populations.length
        ? funnelCurves(pooled, Math.min(...populations) / 2, Math.max(...populations) * 2, dispersion)
        : [],
      funnelLimits: {
        drawn,
        note: funnelNote(dispersion, drawn),
        // φ, τ² and the χ² test (each area's z is in its row).
        dispersion: dispersion && withoutZ(dispersion),
      },
      method: {
        rate: 'incidents per 1,000 residents, exact Poisson (Garwood) 95% interval; residents: the ONS mid-2020 totals of the local authorities for an area of whole authorities, the residents apportioned to the H3 cover for a drawn partnership or a list of cells; only the authorities the selected datasets cover (an area none covers has no count or rate, and concentration and hot-spot shares use the covered cells)',
        totals:
          'an area of whole local authorities (an authority, a force, a partnership of authorities) counts each incident in the authority the import placed it in by point-in-polygon, so its count does not depend on the resolution; a drawn partnership or a list of cells counts the incidents in the H3 cells whose centre lies in it, at the selected resolution; cells are used for the maps, Gi* hot spots and concentration',
        change:
          "exact conditional binomial test of the two totals given their sum, with the periods' lengths in days (success probability current days / (current + earlier days)); the period just before, and a year earlier",
        funnel:
          "control limits (95% and 99.8%) around the pooled rate of the areas compared, at each area's population. Three sets: exact Poisson (Garwood); and, from three areas up, Spiegelhalter's (2005) over-dispersion adjustments from the areas' z-scores (rate − pooled)/√(1000 × pooled / residents), winsorised to their 10th and 90th percentiles: multiplicative, pooled ± z √φ × s with φ = Σz²/I; additive random effects, pooled ± z √(s² + τ²) with τ² = (Iφ − (I − 1))/(Σw − Σw²/Σw), w = 1/s² (DerSimonian-Laird), both normal approximations. The additive limits are drawn when τ² > 0, since the spread between areas does not shrink as their populations grow (multiplicative limits would still flag every large area); otherwise the Poisson ones. Positions are against the drawn limits; every set is in the response",
        completeness: COMPLETENESS_METHOD,
        comparable: 'every area uses the same selection, definition version, period and population base',
        precision: precisionNote(datasets, p.from.length === 10),
        metrics: 'the national Serious Violence Duty metrics, each from the selected datasets that record it in full',
        rank: 'by rate per 1,000, highest first; read it with the intervals and the funnel plot, since close ranks may not differ beyond chance',
      },
      areas,
    },
  };
}

type AreaRow = Awaited<ReturnType<typeof compareArea>>;

/** Funnel plot: the areas' rates against their populations, around the pooled rate, over-dispersion and all; and their ranks by rate. */
function funnel(rows: readonly AreaRow[]) {
  const people = Math.max(
    1,
    rows.reduce((a, r) => a + r.population, 0),
  );
  const pooled = (rows.reduce((a, r) => a + (r.count ?? 0), 0) / people) * 1000;
  const rates: (number | null)[] = rows.map((r) => r.rate?.rate ?? null);
  const { dispersion, drawn } = funnelDispersion(rows, pooled);
  const areas = rows.map((r, i) => {
    const rate = r.rate?.rate ?? null;
    const methods = areaOnFunnel(rate, pooled, r.population, dispersion);
    // The drawn limits (Poisson when the area has no residents).
    const shown = methods[drawn] ?? methods.poisson;
    // Rank by rate, highest first (1 = highest); equal rates share a rank.
    const rank = rate === null ? null : 1 + rates.filter((o) => o !== null && o > rate).length;
    return {
      ...r,
      rank,
      funnel: {
        limits95: shown?.limits95 ?? null,
        limits998: shown?.limits998 ?? null,
        position: shown?.position ?? null,
        z: dispersion?.z[i] ?? null,
        methods,
      },
    };
  });
  return { pooled, areas, dispersion, drawn };
}

/**
 * The change of an area's released total against an earlier period (the one before, or a year
 * earlier). A period the data do not reach is not a fall to zero. Where only some datasets reach
 * it, both periods are counted from those alone, and only if they hold most of the area's
 * incidents now: otherwise a neighbour's few records would pass for the area's trend.
 */
async function changeAgainst(
  db: Db,
  p: CompareParams,
  area: AreaSelector,
  prepared: PreparedSelection,
  count: number | null,
  to: 'previous' | 'year',
) {
  const { datasets, threshold } = prepared;
  const period = shiftSelectionPeriod(p.from, p.to, to);
  // The coverage rule every trend and change uses (services/coverage.ts): missing is not zero.
  const { reaching, missing } = await datasetsCoveringPeriod(db, datasets, area, p, period);
  const coverage = missing.length === 0 ? 'full' : reaching.length === 0 ? 'none' : 'partial';
  let note = missing.length
    ? `${missing.map((d) => `"${d.name}"`).join(', ')} ${missing.length === 1 ? 'does' : 'do'} not cover ${period.from} to ${period.to}`
    : null;
  const none = { ...period, count: null, percent: null, p: null, class: null, coverage: 'none' as string, note };
  if (coverage === 'none') return none;
  const reach: Release = coverage === 'full' ? releaseOf(prepared) : releaseOfSome(prepared, reaching);
  const now = coverage === 'full' ? count : await releasedAreaTotal(db, reach, area);
  const share = statValue(now, reach.threshold) / Math.max(1, statValue(count, threshold));
  if (share < MIN_SHARE_FOR_CHANGE)
    return {
      ...none,
      note: `${note}; the datasets that do hold only ${Math.round(share * 100)}% of this area's incidents`,
    };
  if (coverage === 'partial')
    note = `${note}: both periods counted from ${reaching.map((d) => `"${d.name}"`).join(', ')} alone`;
  const then = await releasedAreaTotal(db, { ...reach, query: { ...reach.query, ...period } }, area);
  const change = releasedChange(now, then, reach.threshold, {
    currentDays: selectionDays(p.from, p.to),
    comparisonDays: selectionDays(period.from, period.to),
  });
  return { ...period, ...change, class: change.class as string | null, coverage: coverage as string, note };
}

/** Days in a selection period of whole months (YYYY-MM) or days (YYYY-MM-DD), both ends included. */
function selectionDays(from: string, to: string): number {
  const start = Date.parse(`${from.length === 7 ? `${from}-01` : from}T00:00:00Z`);
  const end =
    to.length === 7 ? Date.UTC(Number(to.slice(0, 4)), Number(to.slice(5, 7)), 1) : Date.parse(`${to}T00:00:00Z`) + DAY;
  return Math.round((end - start) / DAY);
}
const DAY = 86_400_000;

/** The national Serious Violence Duty metrics of an area, each from the selected datasets that record it in full. */
function metricsOf(
  db: Db,
  area: AreaSelector,
  prepared: PreparedSelection,
  recorded: readonly RecordedContent[],
  population: number,
) {
  return Promise.all(
    PRESETS.map(async (preset) => {
      // A national metric counts only the datasets that record it in full (its groups and flags).
      const supplying = datasetsSupplying(expandGroups(preset.groups), preset.flags, recorded);
      const base = { preset: `preset:${preset.id}`, name: preset.name };
      if (supplying.length === 0)
        return {
          ...base,
          count: null,
          rate: null,
          datasets: [],
          note: `none of the selected datasets records it (${preset.note})`,
        };
      const used = prepared.datasets.filter((d) => supplying.some((s) => s.id === d.id));
      const release = releaseOfSome(prepared, used, {
        groups: definitionGroups(preset, expandGroups),
        flags: [...preset.flags],
      });
      const metric = await releasedAreaTotal(db, release, area);
      return {
        ...base,
        count: metric,
        rate: metric === null ? null : rateWithInterval(metric, population),
        datasets: used.map((d) => d.name),
        note: null,
      };
    }),
  );
}

/** One area's row of the comparison, every figure from released counts (the release gate). */
async function compareArea(
  db: Db,
  p: CompareParams,
  area: AreaSelector,
  prepared: PreparedSelection,
  recorded: readonly RecordedContent[],
) {
  const { threshold } = prepared;
  const release = releaseOf(prepared);
  const [areaRelease, covered] = await Promise.all([
    releasedArea(db, release, area),
    coveredArea(db, prepared, area, p.res, p),
  ]);
  const released = areaRelease.cells[0]!;
  // An area no selected dataset covers has no count: missing, not zero.
  const count = covered.covered ? areaRelease.totals[0]! : null;
  const population = covered.residents;
  const region = covered.region;

  // Share of the area's incidents in its Gi* hot spots (95%+).
  const gi = releasedHotspots(region, released, threshold, p.k);
  const inHot = gi.cells.reduce((a, cell) => a + (cell.class >= 2 ? cell.count : 0), 0);
  const inCells = gi.cells.reduce((a, cell) => a + cell.count, 0);

  // Data completeness per month (on the month grid, whatever the selection's precision).
  const months = monthsBetween(p.from.slice(0, 7), p.to.slice(0, 7));
  const [previous, yearEarlier, metrics, monthTotals] = await Promise.all([
    changeAgainst(db, p, area, prepared, count, 'previous'),
    changeAgainst(db, p, area, prepared, count, 'year'),
    metricsOf(db, area, prepared, recorded, population),
    releasedAreaTotals(db, release, area, months),
  ]);
  const { top1, top5, top10, gini, generalisedGini, minimum } = releasedConcentration(region, released, threshold);

  return {
    area: areaKey(area)!,
    ...describeSelection(
      prepared,
      fromReleasedRule(threshold, 'rates, intervals, changes, concentration, hot-spot shares and completeness'),
    ),
    count,
    population: Math.round(population),
    populationBase: covered.populationBase,
    covered: covered.covered,
    coverage: covered.note,
    rate: count === null ? null : rateWithInterval(count, population),
    previous,
    yearEarlier,
    concentration: { top1, top5, top10, gini, generalisedGini, minimum },
    shareInHotspots: inCells > 0 ? inHot / inCells : null,
    /** The Gi* ring the hot spots were found with (chosen when 'auto'). */
    hotspotK: gi.k,
    months: releasedCompleteness(
      months.map((m) => m.from.slice(0, 7)),
      monthTotals,
      threshold,
    ),
    metrics,
  };
}
