import { cellToParent } from 'h3-js';
import {
  type CoveredPeriod,
  coveredLads,
  type DatasetCoverage,
  datasetsReaching,
  periodCoverage,
} from '../analysis/coverage.js';
import { areaCoverPopulation, areaNames, areaPopulation, ladResidents, ladsOfArea, studyRegion } from '../db/areas.js';
import { datasetCoverage } from '../db/coverage.js';
import type { Db } from '../db/index.js';
import { type AreaSelector, areaKey } from '../domain/area.js';
import type { PreparedSelection } from './selection.js';

/** The study region of a statistic: the part of the area, and of its periods, that the selected datasets cover. */
export interface CoveredRegion {
  /** The cells of the area whose local authority some dataset covers in the periods. */
  cells: string[];
  /** The area's local authorities that are in the region, and those left out. */
  lads: string[];
  leftOut: string[];
  /** Each period's coverage over the region's authorities, in the order asked. */
  periods: CoveredPeriod[];
  /** What was left out, in words (null when nothing was). */
  note: string | null;
  coverage: DatasetCoverage[];
}

const COVERAGE_RULE =
  'a police dataset covers, in each month a force supplied, the force area holding most of its records (all its authorities); ' +
  "a health dataset covers the authorities holding at least a twentieth of its busiest one's records, in every month it holds records; " +
  'each from its first to its last day';

/** The rule in words, for `method.coverage`. */
export const coverageMethod = (what: string) =>
  `${what} over the part of the area and period the selected datasets cover (${COVERAGE_RULE}); a period or authority no dataset covers is missing, not zero`;

/** The area's local authorities the datasets cover in the periods, those left out, and each period's coverage. */
export async function coveredPeriods(
  db: Db,
  s: Pick<PreparedSelection, 'datasets'>,
  area: AreaSelector,
  periods: readonly { from: string; to: string }[],
) {
  const coverage = await datasetCoverage(db, s.datasets);
  const all = [...(await ladsOfArea(db, areaKey(area)!))].sort();
  const lads = coveredLads(coverage, all, periods);
  const kept = new Set(lads);
  const leftOut = all.filter((l) => !kept.has(l));
  return { coverage, all, lads, leftOut, periods: periods.map((p) => periodCoverage(coverage, lads, p)) };
}

/** "17 of 22 local authorities are not covered ... (names)", or null. */
async function leftOutNote(db: Db, all: readonly string[], leftOut: readonly string[]): Promise<string | null> {
  if (leftOut.length === 0) return null;
  const names = await areaNames(db, 'lad');
  const named = leftOut.map((l) => names.get(l) ?? l);
  const list = named.length <= 6 ? named.join(', ') : `${named.slice(0, 5).join(', ')} and ${named.length - 5} more`;
  const are = leftOut.length === 1 ? 'is' : 'are';
  return `${leftOut.length} of ${all.length} local authorities ${are} not covered by the selected datasets in this period and ${are} left out (${list})`;
}

/**
 * The covered part of an area at a resolution over some periods. The cells of an authority no
 * selected dataset covers on any day of the periods leave the region (they are not zero cells);
 * each period's coverage is counted over the authorities that stay.
 */
export async function coveredRegion(
  db: Db,
  s: Pick<PreparedSelection, 'datasets'>,
  area: AreaSelector,
  res: 7 | 8 | 9 | 10,
  periods: readonly { from: string; to: string }[],
): Promise<CoveredRegion> {
  const covered = await coveredPeriods(db, s, area, periods);
  const kept = new Set(covered.lads);
  const [region, cover] = await Promise.all([
    studyRegion(db, area, res),
    areaCoverPopulation(db, area, res === 10 ? 9 : res),
  ]);
  const ladOf = new Map(cover.map((c) => [c.h3, c.lad ?? null]));
  const inRegion = (h3: string) => kept.has(ladOf.get(res === 10 ? cellToParent(h3, 9) : h3) ?? '');
  const cells = covered.leftOut.length === 0 ? region : region.filter(inRegion);
  const note = await leftOutNote(db, covered.all, covered.leftOut);
  return {
    cells,
    lads: covered.lads,
    leftOut: covered.leftOut,
    periods: covered.periods,
    note: note && `${note}: ${region.length - cells.length} of ${region.length} cells leave the region`,
    coverage: covered.coverage,
  };
}

/** The note on what an area's figures leave out (authorities no dataset covers), or null. */
export async function areaCoverageNote(db: Db, covered: { all: string[]; leftOut: string[] }) {
  return leftOutNote(db, covered.all, covered.leftOut);
}

/** A selection's own period (months YYYY-MM or days) as days. */
export function selectionSpan(q: { from: string; to: string }): { from: string; to: string } {
  const last = (m: string) =>
    new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)), 0)).toISOString().slice(0, 10);
  return { from: q.from.length === 7 ? `${q.from}-01` : q.from, to: q.to.length === 7 ? last(q.to) : q.to };
}

/**
 * Which of a selection's datasets reach an earlier period over an area (datasetsReaching), from
 * the same coverage as every trend and change: what /api/compare counts a change from.
 */
export async function datasetsCoveringPeriod<D extends PreparedSelection['datasets'][number]>(
  db: Db,
  datasets: readonly D[],
  area: AreaSelector,
  now: { from: string; to: string },
  period: { from: string; to: string },
) {
  const coverage = await datasetCoverage(db, datasets);
  const all = [...(await ladsOfArea(db, areaKey(area)!))].sort();
  return datasetsReaching(datasets, coverage, all, selectionSpan(now), selectionSpan(period));
}

/**
 * An area's figures over one period, limited to what the datasets cover: the Gi* and concentration
 * region (its covered cells), its residents (the ONS residents of its covered authorities, or of
 * its covered cells for a drawn area), and whether any of it is covered at all (if not, its count
 * and rate are missing, not zero).
 */
export async function coveredArea(
  db: Db,
  s: Pick<PreparedSelection, 'datasets'>,
  area: AreaSelector,
  res: 7 | 8 | 9,
  span: { from: string; to: string },
) {
  const [covered, whole, cover] = await Promise.all([
    coveredRegion(db, s, area, res, [selectionSpan(span)]),
    areaPopulation(db, area, res),
    areaCoverPopulation(db, area, res),
  ]);
  const kept = new Set(covered.cells);
  const residents =
    covered.leftOut.length === 0
      ? whole.residents
      : whole.base === 'ons'
        ? await ladResidents(db, covered.lads)
        : cover.reduce((a, cell) => a + (kept.has(cell.h3) ? cell.population : 0), 0);
  return {
    region: covered.cells,
    cover,
    residents,
    populationBase: whole.base,
    covered: covered.lads.length > 0,
    note: covered.note,
  };
}
