import { cellToLatLng } from 'h3-js';
import { nearestByType } from '../analysis/nearest.js';
import { PUBLIC_SUMMARY_RULES } from '../analysis/public-summary.js';
import type { Db } from '../db/index.js';
import { queryPlaces, type RestrictedAccess } from '../db/places.js';

// Metres to degrees for the settings search box (generous: 1 degree of longitude at 50°N is ~71 km).
const DEGREES_PER_METRE_LAT = 1 / 111_000;
const DEGREES_PER_METRE_LNG = 1 / 60_000;

/**
 * The nearest setting of each type within `within` metres of each cell's centre (restricted
 * layers only where the user may see them; none of the sensitive types in a public summary).
 */
export async function nearbySettings(
  db: Db,
  /** The restricted place layers the user may see. */
  access: RestrictedAccess,
  cells: readonly string[],
  within: number,
  options: { public?: boolean } = {},
) {
  const centres = cells.map((h3) => {
    const [lat, lng] = cellToLatLng(h3);
    return { lat, lng };
  });
  const box = centres.length
    ? ([
        Math.min(...centres.map((p) => p.lng)) - within * DEGREES_PER_METRE_LNG,
        Math.min(...centres.map((p) => p.lat)) - within * DEGREES_PER_METRE_LAT,
        Math.max(...centres.map((p) => p.lng)) + within * DEGREES_PER_METRE_LNG,
        Math.max(...centres.map((p) => p.lat)) + within * DEGREES_PER_METRE_LAT,
      ] as const)
    : null;
  const found = box ? await queryPlaces(db, { bbox: box, restrictedAccess: access, limit: 20_000 }) : [];
  const settings = options.public ? found.filter((p) => !PUBLIC_SUMMARY_RULES.sensitiveTypes.has(p.type)) : found;
  return centres.map((centre) => nearestByType(centre, settings, within));
}
