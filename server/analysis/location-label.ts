import type { LocationName } from '../domain/location-name.js';

/** A street read from a nearby setting's address, and how far that setting is from the cell's centre. */
export interface StreetCandidate {
  street: string;
  metres: number;
}

/** A town or village near the cell's centre. */
export interface TownCandidate {
  name: string;
  population: number;
  metres: number;
}

export interface NamingCandidates {
  /** The cell's id: the label of last resort. */
  h3: string;
  streets: readonly StreetCandidate[];
  towns: readonly TownCandidate[];
  lsoa: string | null;
  postcodeSector: string | null;
}

/**
 * How far a setting may be from a cell's centre for its street to name the cell. Settings sit at
 * their postcode's centroid, which is within about 100 m of the door in towns; 300 m keeps the
 * street within a resolution-9 cell's neighbours, so the name still points at the right place.
 */
export const STREET_WITHIN_METRES = 300;

/** How far a town's name reaches, in metres: a village about 1 km, a city up to 8 km. */
export function townReachMetres(population: number): number {
  return Math.min(8000, Math.max(1000, 25 * Math.sqrt(Math.max(population, 0))));
}

/** The town a cell belongs to: the one it lies deepest within the reach of (a suburb does not beat its city). */
function chooseTown(towns: readonly TownCandidate[]): string | null {
  let best: string | null = null;
  let bestShare = 1;
  for (const t of towns) {
    const share = t.metres / townReachMetres(t.population);
    if (share <= bestShare) {
      bestShare = share;
      best = t.name;
    }
  }
  return best;
}

function chooseStreet(streets: readonly StreetCandidate[]): string | null {
  let best: StreetCandidate | null = null;
  for (const s of streets) if (s.metres <= STREET_WITHIN_METRES && (!best || s.metres < best.metres)) best = s;
  return best?.street ?? null;
}

/**
 * A cell's name for people: its nearest street and town ("Commercial Street, Newport"); where
 * no setting's street is near, its LSOA and postcode sector ("Newport 014A · NP20 1"); failing
 * all of those, whatever is known, and last of all the id.
 */
export function chooseLocationName(c: NamingCandidates): LocationName {
  const street = chooseStreet(c.streets);
  const town = chooseTown(c.towns);
  const where = street ? [street, town ?? c.postcodeSector ?? c.lsoa] : [c.lsoa, c.postcodeSector];
  const parts = where.filter((p): p is string => !!p);
  const label = street ? parts.join(town ? ', ' : ' · ') : parts.length > 0 ? parts.join(' · ') : (town ?? c.h3);
  return { label, street, town, lsoa: c.lsoa, postcodeSector: c.postcodeSector };
}
