import { cellToChildren, getHexagonEdgeLengthAvg } from 'h3-js';
import { quintileBands } from '../analysis/bands.js';
import { arcgisSearchRadius, sfhotspotBandwidth } from '../analysis/bandwidths.js';
import { densitySampleRes, MAX_DENSITY_SAMPLES, SMOOTH_SPACINGS } from '../analysis/density-sampling.js';
import { kernelDensity, QUARTIC_PER_GAUSSIAN, ruleOfThumbBandwidth } from '../analysis/kde.js';
import { ratePerThousand } from '../analysis/rate.js';
import { studyRegion } from '../db/areas.js';
import type { Db } from '../db/index.js';
import type { AreaSelector } from '../domain/area.js';
import { cellCentreBng } from '../geo/cell-centre.js';
import { releasedCells, releasedCellsWithPopulation, releasedWeekdayHour } from '../release/gate.js';
import { fromReleasedRule, releasedCount, statValues } from '../release/rules.js';
import { releasedHotspots } from '../release/statistics.js';
import type { Inference } from '../analysis/hotspots.js';
import type { Ring } from '../analysis/neighbourhood.js';
import { coldSpotsNote, giClasses, giInference, giWeights } from './gi-method.js';
import { coverageMethod, coveredRegion, selectionSpan } from './coverage.js';
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

/** Getis-Ord Gi* over the covered part of the area's cover at the resolution (coveredRegion), zero-count cells included. */
export async function hotspotMap(
  db: Db,
  s: PreparedSelection,
  q: Span & { area: AreaSelector; k: Ring; inference?: Inference },
) {
  // The region is the part of the area the selected datasets cover: an uncovered authority's cells are not zeros.
  const covered = await coveredRegion(db, s, q.area, q.res, [selectionSpan(q)]);
  const region = covered.cells;
  const released = await releasedCells(db, releaseOf(s));
  const results = releasedHotspots(region, released, s.threshold, q.k, { inference: q.inference ?? 'normal' });
  return {
    res: q.res,
    from: q.from,
    to: q.to,
    k: results.k,
    inference: results.inference,
    coldSpots: coldSpotsNote(results),
    coverage: { leftOut: covered.leftOut, note: covered.note },
    ...describeSelection(s, fromReleasedRule(s.threshold, 'Gi* (z, p, q and class)')),
    area: s.echo.area as string,
    method: {
      statistic: 'Getis-Ord Gi*',
      weights: giWeights(results),
      inference: giInference(results.inference),
      region: `the part of the area's H3 cover at resolution ${q.res} that the selected datasets cover: ${region.length} cells, zero counts included`,
      coverage: coverageMethod('Gi*'),
      correction: 'Benjamini-Hochberg false discovery rate over the region',
      classes: giClasses(results.inference),
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
 * Quartic kernel density over the area's cells. Public data: incidents as resolution-10 cell
 * centres (about 65 m apart). Restricted data: the released counts of the cells at the map's
 * resolution (post-processing), and no narrower than their spacing. Evaluated at the centres of
 * the cells one resolution finer where the kernel would otherwise draw blocks (density-sampling.ts).
 */
export async function densityMap(db: Db, s: PreparedSelection, q: Span & { area: AreaSelector; bandwidth?: number }) {
  const restricted = s.threshold !== null;
  const spacing = centreSpacing(q.res);
  const region = await studyRegion(db, q.area, q.res);
  const points = await releasedCells(db, releaseOf(s, restricted ? {} : { res: 10 }));
  const sources = [...statValues(points, s.threshold)].map(([h3, weight]) => ({ ...cellCentreBng(h3), weight }));
  const rule = ruleOfThumbBandwidth(sources);
  const bandwidth = q.bandwidth ?? Math.max(rule, restricted ? spacing : 0);
  const sampleRes = densitySampleRes(q.res, bandwidth, region.length, centreSpacing);
  const targets = sampleRes === q.res ? region : region.flatMap((h3) => cellToChildren(h3, sampleRes));
  const density = kernelDensity(sources, targets.map(cellCentreBng), bandwidth);
  const bands = quintileBands(density);
  const sampled =
    sampleRes === q.res
      ? `at the centres of the area's ${region.length} cells at resolution ${q.res}${q.res < 10 && bandwidth < SMOOTH_SPACINGS * spacing ? ` (a finer resolution would exceed ${MAX_DENSITY_SAMPLES.toLocaleString('en-GB')} cells)` : ''}`
      : `at the centres of the ${targets.length} resolution-${sampleRes} cells within the area's resolution-${q.res} cells (${centreSpacing(sampleRes)} m apart), since the bandwidth is under ${SMOOTH_SPACINGS} spacings of the resolution-${q.res} cells (${spacing} m) and would draw them as blocks`;
  return {
    res: q.res,
    /** The resolution of the cells the density is given for (the map's, or one finer). */
    sampleRes,
    from: q.from,
    to: q.to,
    ...describeSelection(s, fromReleasedRule(s.threshold, 'density')),
    area: s.echo.area as string,
    bandwidth,
    /** Other default bandwidths for the same points, for comparison (quartic radii in metres). */
    bandwidths: { rule, sfhotspot: sfhotspotBandwidth(sources), arcgis: arcgisSearchRadius(sources) },
    method: {
      kernel: 'quartic (biweight) 3/(π h²) (1 − d²/h²)² within the bandwidth h, incidents per km²',
      points: restricted
        ? `the released counts of the resolution-${q.res} cells, at their centres`
        : 'incidents at the centres of their resolution-10 cells',
      bandwidth: `${
        q.bandwidth
          ? 'as requested'
          : `the quartic radius h = ${QUARTIC_PER_GAUSSIAN.toFixed(3)} σ n^(-1/6): Silverman's two-dimensional rule of thumb σ n^(-1/6) for a Gaussian kernel's standard deviation (σ the mean of the two coordinates' standard deviations, n the incidents), times the ratio of the quartic and Gaussian kernels' canonical bandwidths (2304/5)^(1/6) (the quartic kernel's SD is h/√8, so matching variances would give √8 = 2.828); at least 100 m${restricted ? ` and the cells' spacing (${spacing} m)` : ''}`
      }. For comparison: sfhotspot's hotspot_kde() default, MASS::bandwidth.nrd of the x coordinates (4 × 1.06 min(sd, IQR/1.34) n^(-1/5); its mean(bx, by) uses bx alone), and ArcGIS Kernel Density's 0.9 min(SD, √(1/ln 2) Dm) n^(-0.2), both also quartic radii`,
      sampled,
    },
    cells: targets.map((h3, i) => ({ h3, density: density[i]!, band: bands[i]! })),
  };
}
