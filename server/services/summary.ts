import { ratePerThousand } from '../analysis/rate.js';
import { areaCoverPopulation, forceOfArea } from '../db/areas.js';
import type { Db } from '../db/index.js';
import type { RestrictedAccess } from '../db/places.js';
import { type AreaSelector, areaKey } from '../domain/area.js';
import { releasedArea, releasedAreaTotal } from '../release/gate.js';
import { fromReleasedRule, releasedCount } from '../release/rules.js';
import { releasedConcentration, releasedHotspots } from '../release/statistics.js';
import { nearbySettings } from './nearby-settings.js';
import { describeSelection, type PreparedSelection, releaseOf } from './selection.js';

export interface SummaryParams {
  from: string;
  to: string;
  res: 7 | 8 | 9;
  k: number;
  top: number;
  within: number;
  public: boolean;
}

const TOTALS_RULE =
  "an area's total is the sum of its local authorities' released totals (a drawn partnership: of its cells')";

/**
 * An area for a selection: its released count, rate and share of its force, concentration, and
 * the top priority cells (hot spots first, then by released count) with their nearest settings.
 */
export async function areaSummary(
  db: Db,
  s: PreparedSelection,
  area: AreaSelector,
  q: SummaryParams,
  places: RestrictedAccess,
) {
  const { threshold } = s;
  const release = releaseOf(s);
  const [cover, areaRelease] = await Promise.all([
    areaCoverPopulation(db, area, q.res),
    releasedArea(db, release, area),
  ]);
  const released = areaRelease.cells[0]!;
  const areaCount = areaRelease.totals[0]!;
  const region = cover.map((cell) => cell.h3);
  const population = cover.reduce((a, cell) => a + cell.population, 0);
  const populationOf = new Map(cover.map((cell) => [cell.h3, cell.population]));
  const force = await forceOfArea(db, areaKey(area)!);
  // A force area is its own force: the same total, not released twice.
  const forceCount = !force
    ? null
    : area.kind === 'pfa' && area.code === force
      ? areaCount
      : await releasedAreaTotal(db, release, { kind: 'pfa', code: force });
  // Hot spots first, then by released count (a withheld one as its stand-in).
  const priorities = releasedHotspots(region, released, threshold, q.k)
    .cells.filter((cell) => cell.count > 0)
    .sort((a, b) => (b.class ?? 0) - (a.class ?? 0) || b.count - a.count || (a.h3 < b.h3 ? -1 : 1))
    .slice(0, q.top);
  const nearest = await nearbySettings(
    db,
    places,
    priorities.map((cell) => cell.h3),
    q.within,
    { public: q.public },
  );
  return {
    area: areaKey(area)!,
    force: force ? `pfa:${force}` : null,
    from: q.from,
    to: q.to,
    res: q.res,
    ...describeSelection(s, [
      ...fromReleasedRule(threshold, 'concentration, Gi* and the priority ranking'),
      ...(threshold === null ? [] : [TOTALS_RULE]),
    ]),
    count: areaCount,
    population: Math.round(population),
    rate: ratePerThousand(areaCount, population),
    forceCount,
    shareOfForce: areaCount !== null && forceCount ? areaCount / forceCount : null,
    concentration: releasedConcentration(region, released, threshold),
    priorities: priorities.map((cell, i) => {
      const count = releasedCount(released, cell.h3);
      const rate = ratePerThousand(count, populationOf.get(cell.h3) ?? null);
      return { h3: cell.h3, count, rate, class: cell.class, z: cell.z, nearest: nearest[i]! };
    }),
  };
}
