import { defaultDatasetFor } from '../analysis/map-defaults.js';
import { ladsOfArea } from '../db/areas.js';
import { datasetCoverage } from '../db/coverage.js';
import type { Dataset } from '../db/datasets.js';
import type { Db } from '../db/index.js';
import { listPartnerships } from '../db/partnerships.js';

export interface MapDefaults {
  /** The user's own partnership (their first membership; a PCC's force area), or null. */
  partnershipId: number | null;
  /** The dataset to show first there; empty when none covers it (the client then keeps its own default). */
  datasetIds: number[];
}

const sameSet = (a: ReadonlySet<string>, b: readonly string[]) => a.size === b.length && b.every((x) => a.has(x));

/**
 * Where a user lands on the map: their partnership and the police dataset that covers it, from the
 * datasets they may use. Admins and users of no partnership get none (the client's defaults).
 */
export async function mapDefaults(
  db: Db,
  scopes: readonly string[],
  datasets: readonly Dataset[],
): Promise<MapDefaults> {
  const partnerships = await listPartnerships(db);
  let home: { id: number; lads: Set<string> } | null = null;
  for (const scope of scopes) {
    const [kind, id] = scope.split(':') as [string, string];
    if (kind === 'partnership' && partnerships.some((p) => p.id === Number(id))) {
      home = { id: Number(id), lads: await ladsOfArea(db, scope) };
      break;
    }
    if (kind === 'pcc') {
      // A PCC's office works over its force area: the partnership of exactly that force's authorities.
      const lads = await ladsOfArea(db, `pfa:${id}`);
      const force = partnerships.find((p) => p.kind === 'lads' && lads.size > 0 && sameSet(lads, p.lads));
      if (force) {
        home = { id: force.id, lads };
        break;
      }
    }
  }
  if (!home) return { partnershipId: null, datasetIds: [] };
  const coverage = await datasetCoverage(db, datasets);
  const dataset = defaultDatasetFor(datasets, coverage, home.lads);
  return { partnershipId: home.id, datasetIds: dataset === null ? [] : [dataset] };
}
