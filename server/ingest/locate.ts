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

/** Slots of the table of coordinates seen once (two Float64Arrays: 2 MB). */
const SEEN_SLOTS = 1 << 17;
const PLACEMENTS_KEPT = 50_000;

/**
 * Places a WGS84 point: H3 cells at resolutions 7-10 and the police force area it falls in.
 * police.uk snap points repeat thousands of times, so placements are memoised per coordinate,
 * but only from a coordinate's second sighting: a national file's coordinates are half unique,
 * and memoising those filled the cache with placements that outlived the young generation, so
 * the old one grew by hundreds of MB of garbage before V8 collected it. Coordinates seen once
 * are remembered in a fixed table of numbers (a newer one may take an older one's slot: it is
 * then placed again, no more).
 * Returns null for points outside England and Wales.
 */
export class Locator {
  private cache = new Map<string, Placement | null>();
  private readonly seenLng = new Float64Array(SEEN_SLOTS).fill(Number.NaN);
  private readonly seenLat = new Float64Array(SEEN_SLOTS).fill(Number.NaN);
  private readonly pair = new Float64Array(2);
  private readonly words = new Uint32Array(this.pair.buffer);

  place(lng: number, lat: number): Placement | null {
    const slot = this.slotOf(lng, lat);
    if (this.seenLng[slot] !== lng || this.seenLat[slot] !== lat) {
      this.seenLng[slot] = lng;
      this.seenLat[slot] = lat;
      return placePoint(lng, lat);
    }
    const key = `${lng},${lat}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const placement = placePoint(lng, lat);
    if (this.cache.size >= PLACEMENTS_KEPT) this.cache.clear(); // bound memory on huge national files
    this.cache.set(key, placement);
    return placement;
  }

  private slotOf(lng: number, lat: number): number {
    this.pair[0] = lng;
    this.pair[1] = lat;
    const w = this.words;
    let h = Math.imul(w[0]! ^ Math.imul(w[1]!, 0x9e3779b1), 0x85ebca6b);
    h = Math.imul(h ^ w[2]! ^ Math.imul(w[3]!, 0xc2b2ae35), 0x27d4eb2f);
    return (h ^ (h >>> 15)) & (SEEN_SLOTS - 1);
  }
}

function placePoint(lng: number, lat: number): Placement | null {
  const pfaCode = policeForceAreaIndex().locate(lng, lat);
  return pfaCode
    ? {
        pfaCode,
        ladCode: localAuthorityIndex().locate(lng, lat),
        h3: H3_RESOLUTIONS.map((r) => latLngToCell(lat, lng, r)) as Placement['h3'],
      }
    : null;
}

/** Parses a coordinate field; null when empty, NaN when present but not a number. */
export function parseCoordinate(value: string | undefined): number | null {
  const v = (value ?? '').trim();
  if (v === '') return null;
  return /^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(v) ? Number(v) : Number.NaN;
}
