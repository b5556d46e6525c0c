import { getHexagonEdgeLengthAvg } from 'h3-js';
import { quintileBands } from '../analysis/bands.js';
import { kernelDensity, ruleOfThumbBandwidth } from '../analysis/kde.js';
import { ratePerThousand } from '../analysis/rate.js';
import { studyRegion } from '../db/areas.js';
import type { Db } from '../db/index.js';
import type { AreaSelector } from '../domain/area.js';
import { cellCentreBng } from '../geo/cell-centre.js';
import { releasedCells, releasedCellsWithPopulation, releasedWeekdayHour } from '../release/gate.js';
import { fromReleasedRule, releasedCount, statValues } from '../release/rules.js';
import { releasedHotspots } from '../release/statistics.js';
import { describeSelection, type PreparedSelection, releaseOf } from './selection.js';

/** The analyses the map draws: counts and rates per cell, Gi* hot spots, kernel density, the week's profile. */

interface Span {
  from: string;
  to: string;
  res: 7 | 8 | 9 | 10;
}

/** Each cell's released count, residents and rate. */
export async function cellCounts(db: Db, s: PreparedSelection, q: Span & { area?: AreaSelector }) {
  const released = await releasedCellsWithPopulation(db, releaseOf(s));
  return {
    res: q.res,
    from: q.from,
    to: q.to,
    ...describeSelection(s),
    area: q.area ?? null,
    cells: released.map((cell) => ({ ...cell, rate: ratePerThousand(cell.count, cell.population) })),
  };
}

/** Getis-Ord Gi* over the area's whole cover at the resolution, zero-count cells included. */
export async function hotspotMap(db: Db, s: PreparedSelection, q: Span & { area: AreaSelector; k: number }) {
  const region = await studyRegion(db, q.area, q.res);
  const released = await releasedCells(db, releaseOf(s));
  const results = releasedHotspots(region, released, s.threshold, q.k);
  return {
    res: q.res,
    from: q.from,
    to: q.to,
    k: q.k,
    ...describeSelection(s, fromReleasedRule(s.threshold, 'Gi* (z, p, q and class)')),
    area: s.echo.area as string,
    method: {
      statistic: 'Getis-Ord Gi*',
      weights: `binary, ${q.k}-ring of H3 neighbours including the cell itself`,
      region: `the area's H3 cover at resolution ${q.res}: ${region.length} cells, zero counts included`,
      correction: 'Benjamini-Hochberg false discovery rate over the region',
      classes: 'hot/cold at 99%, 95%, 90% confidence from the adjusted p (ArcGIS Gi_Bin)',
    },
    cells: results.cells.map((cell) => ({ ...cell, count: releasedCount(released, cell.h3) })),
  };
}

/** Why a day-by-hour profile cannot be made (datasets without times), or null. */
export function timeProfileProblem(s: PreparedSelection): string | null {
  const untimed = s.datasets.filter((d) => d.datePrecision !== 'datetime');
  if (untimed.length === 0) return null;
  return `a day-by-hour profile needs times: ${untimed.map((d) => `"${d.name}" has ${d.datePrecision} precision`).join('; ')}`;
}

/** Released counts by weekday and hour. */
export async function timeProfile(db: Db, s: PreparedSelection, q: Omit<Span, 'res'>) {
  const { threshold } = s;
  const withheldRule = `a slot below ${threshold}, none included, is withheld ("fewer than ${threshold}"), so withheld slots do not count a small area's incidents`;
  return {
    from: q.from,
    to: q.to,
    ...describeSelection(s, threshold === null ? [] : [withheldRule]),
    area: s.echo.area as string | null,
    weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    counts: await releasedWeekdayHour(db, releaseOf(s)),
  };
}

/** The distance between neighbouring cell centres at a resolution (√3 edges): a kernel narrower than it draws the cells again. */
export const centreSpacing = (res: number) => Math.ceil(Math.sqrt(3) * getHexagonEdgeLengthAvg(res, 'm'));

/** Why a bandwidth cannot be used with restricted data (it would draw single cells again), or null. */
export function bandwidthProblem(s: PreparedSelection, res: number, bandwidth: number | undefined): string | null {
  const spacing = centreSpacing(res);
  if (s.threshold === null || bandwidth === undefined || bandwidth >= spacing) return null;
  return `restricted data: a bandwidth below the spacing of resolution-${res} cells (${spacing} m) only draws single cells again; use ${spacing} m or more`;
}

/**
 * Quartic kernel density at the centres of the area's cells. Public data: incidents as
 * resolution-10 cell centres (about 65 m apart). Restricted data: the released counts of the
 * cells at the map's resolution (post-processing), and no narrower than their spacing.
 */
export async function densityMap(db: Db, s: PreparedSelection, q: Span & { area: AreaSelector; bandwidth?: number }) {
  const restricted = s.threshold !== null;
  const spacing = centreSpacing(q.res);
  const region = await studyRegion(db, q.area, q.res);
  const points = await releasedCells(db, releaseOf(s, restricted ? {} : { res: 10 }));
  const sources = [...statValues(points, s.threshold)].map(([h3, weight]) => ({ ...cellCentreBng(h3), weight }));
  const bandwidth = q.bandwidth ?? Math.max(ruleOfThumbBandwidth(sources), restricted ? spacing : 0);
  const density = kernelDensity(sources, region.map(cellCentreBng), bandwidth);
  const bands = quintileBands(density);
  return {
    res: q.res,
    from: q.from,
    to: q.to,
    ...describeSelection(s, fromReleasedRule(s.threshold, 'density')),
    area: s.echo.area as string,
    bandwidth,
    method: {
      kernel: 'quartic (biweight), incidents per km²',
      points: restricted
        ? `the released counts of the resolution-${q.res} cells, at their centres`
        : 'incidents at the centres of their resolution-10 cells',
      bandwidth: q.bandwidth
        ? 'as requested'
        : `Silverman's rule of thumb for two dimensions, h = σ n^(-1/6), at least 100 m${restricted ? ` and the cells' spacing (${spacing} m)` : ''}`,
      sampled: `at the centres of the area's ${region.length} cells at resolution ${q.res}`,
    },
    cells: region.map((h3, i) => ({ h3, density: density[i]!, band: bands[i]! })),
  };
}
