import { ratePerThousand } from '../analysis/rate.js';
import { forceOfArea } from '../db/areas.js';
import type { Db } from '../db/index.js';
import type { RestrictedAccess } from '../db/places.js';
import { type AreaSelector, areaKey } from '../domain/area.js';
import { releasedArea, releasedAreaTotal } from '../release/gate.js';
import { fromReleasedRule, releasedCount } from '../release/rules.js';
import { releasedConcentration, releasedHotspots } from '../release/statistics.js';
import { coveredArea } from './coverage.js';
import { nameLocations } from './location-names.js';
import { nearbySettings } from './nearby-settings.js';
import type { Ring } from '../analysis/neighbourhood.js';
import { describeSelection, type PreparedSelection, releaseOf } from './selection.js';

export interface SummaryParams {
  from: string;
  to: string;
  res: 7 | 8 | 9;
  k: Ring;
  top: number;
  within: number;
  public: boolean;
}

const TOTALS_RULE =
  "an area's total is the sum of its local authorities' released totals (a drawn partnership: of its cells')";

/** What the summary's count and rate are, in words (the `method` of the response). */
const METHOD = {
  count:
    'an area of whole local authorities (an authority, a force, a partnership of authorities) counts each incident in the authority the import placed it in by point-in-polygon, the same at every resolution; a drawn partnership or a list of cells counts the incidents in the H3 cells whose centre lies in it, at the selected resolution',
  population:
    'ONS mid-2020 residents of the local authorities for an area of whole authorities; the residents apportioned to the H3 cover for a drawn partnership or a list of cells; only the authorities the selected datasets cover (see coverage)',
  cells:
    "concentration, Gi* and the priority cells use the area's H3 cover at the selected resolution, less the authorities no selected dataset covers (missing, not zero)",
};

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
  const [covered, areaRelease] = await Promise.all([
    coveredArea(db, s, area, q.res, q),
    releasedArea(db, release, area),
  ]);
  const { cover, region } = covered;
  const released = areaRelease.cells[0]!;
  // An area no selected dataset covers has no count: missing, not zero.
  const areaCount = covered.covered ? areaRelease.totals[0]! : null;
  const population = covered.residents;
  const populationOf = new Map(cover.map((cell) => [cell.h3, cell.population]));
  const force = await forceOfArea(db, areaKey(area)!);
  // A force area is its own force: the same total, not released twice.
  const forceCount = !force
    ? null
    : area.kind === 'pfa' && area.code === force
      ? areaCount
      : await releasedAreaTotal(db, release, { kind: 'pfa', code: force });
  // Hot spots first, then by released count (a withheld one as its stand-in).
  const gi = releasedHotspots(region, released, threshold, q.k);
  const priorities = gi.cells
    .filter((cell) => cell.count > 0)
    .sort((a, b) => (b.class ?? 0) - (a.class ?? 0) || b.count - a.count || (a.h3 < b.h3 ? -1 : 1))
    .slice(0, q.top);
  const [nearest, names] = await Promise.all([
    nearbySettings(
      db,
      places,
      priorities.map((cell) => cell.h3),
      q.within,
      { public: q.public },
    ),
    nameLocations(
      db,
      priorities.map((cell) => cell.h3),
    ),
  ]);
  return {
    area: areaKey(area)!,
    force: force ? `pfa:${force}` : null,
    from: q.from,
    to: q.to,
    res: q.res,
    /** The Gi* ring of the priority ranking (chosen when 'auto'). */
    k: gi.k,
    ...describeSelection(s, [
      ...fromReleasedRule(threshold, 'concentration, Gi* and the priority ranking'),
      ...(threshold === null ? [] : [TOTALS_RULE]),
    ]),
    count: areaCount,
    population: Math.round(population),
    populationBase: covered.populationBase,
    covered: covered.covered,
    coverage: covered.note,
    method: METHOD,
    rate: ratePerThousand(areaCount, population),
    forceCount,
    shareOfForce: areaCount !== null && forceCount ? areaCount / forceCount : null,
    concentration: releasedConcentration(region, released, threshold),
    priorities: priorities.map((cell, i) => {
      const count = releasedCount(released, cell.h3);
      const rate = ratePerThousand(count, populationOf.get(cell.h3) ?? null);
      return {
        h3: cell.h3,
        name: names.get(cell.h3)!.label,
        count,
        rate,
        class: cell.class,
        z: cell.z,
        nearest: nearest[i]!,
      };
    }),
  };
}
