import { latLngToCell } from 'h3-js';
import { policeForceAreaIndex } from '../geo/boundaries.js';
import { localAuthorityIndex } from '../geo/geodata.js';

export const H3_RESOLUTIONS = [7, 8, 9, 10] as const;
export type H3Resolution = (typeof H3_RESOLUTIONS)[number];

export interface Placement {
  h3: [string, string, string, string];
  pfaCode: string;
  /** Bundled local authority containing the point (null outside the bundled councils). */
  ladCode: string | null;
}

/**
 * Places a WGS84 point: H3 cells at resolutions 7-10 and the police force area it falls in.
 * police.uk snap points repeat thousands of times, so results are memoised per coordinate.
 * Returns null for points outside England and Wales.
 */
export class Locator {
  private cache = new Map<string, Placement | null>();

  place(lng: number, lat: number): Placement | null {
    const key = `${lng},${lat}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const pfaCode = policeForceAreaIndex().locate(lng, lat);
    const placement = pfaCode
      ? { pfaCode, ladCode: localAuthorityIndex().locate(lng, lat), h3: H3_RESOLUTIONS.map((r) => latLngToCell(lat, lng, r)) as Placement['h3'] }
      : null;
    if (this.cache.size > 50_000) this.cache.clear(); // bound memory on huge national files
    this.cache.set(key, placement);
    return placement;
  }
}

/** Parses a coordinate field; null when empty, NaN when present but not a number. */
export function parseCoordinate(value: string | undefined): number | null {
  const v = (value ?? '').trim();
  if (v === '') return null;
  return /^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(v) ? Number(v) : Number.NaN;
}
