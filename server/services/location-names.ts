import { around, distance } from 'geokdbush';
import { cellToCenterChild, cellToLatLng, cellToParent, getResolution } from 'h3-js';
import KDBush from 'kdbush';
import {
  chooseLocationName,
  STREET_WITHIN_METRES,
  type StreetCandidate,
  type TownCandidate,
} from '../analysis/location-label.js';
import { streetFromAddress } from '../analysis/street-from-address.js';
import type { Db } from '../db/index.js';
import { lsoaNamesOfCells } from '../db/cell-lsoa-names.js';
import { queryPlaces } from '../db/places.js';
import type { LocationName } from '../domain/location-name.js';
import { nearestPostcodeSector } from '../geo/postcode-sectors.js';
import { loadTowns, type Town } from '../geo/towns.js';

// Metres to degrees for the settings search box (generous: 1 degree of longitude at 50°N is ~71 km).
const DEGREES_PER_METRE_LAT = 1 / 111_000;
const DEGREES_PER_METRE_LNG = 1 / 60_000;
/** No town reaches further than this (townReachMetres caps at 8 km). */
const TOWN_SEARCH_KM = 8;
/** Public layers only: names come from public geography, never from a restricted layer. */
const PUBLIC_ONLY = { scopes: [], layerIds: [] } as const;

/**
 * The resolution-9 cell whose stored LSOA names a cell: the cell itself, the centre child of a
 * coarser one (it holds the centre), or the parent of a resolution-10 one (as the study region does).
 */
function storedCellOf(h3: string): string {
  const res = getResolution(h3);
  return res === 9 ? h3 : res < 9 ? cellToCenterChild(h3, 9) : cellToParent(h3, 9);
}

interface Located {
  lng: number;
  lat: number;
}

function indexOf(points: readonly Located[]): KDBush {
  // KDBush wants exactly as many items as it was sized for: none is fine (no street near).
  const tree = new KDBush(points.length);
  for (const p of points) tree.add(p.lng, p.lat);
  tree.finish();
  return tree;
}

let townIndex: { towns: readonly Town[]; tree: KDBush } | undefined;

async function townsIndexed(): Promise<{ towns: readonly Town[]; tree: KDBush }> {
  const towns = await loadTowns();
  if (townIndex?.towns !== towns) townIndex = { towns, tree: indexOf(towns.map((t) => ({ lng: t.lon, lat: t.lat }))) };
  return townIndex;
}

/** Streets read from the addresses of the public settings around the cells, with where each setting is. */
async function streetsAround(db: Db, centres: readonly Located[]): Promise<(Located & { street: string })[]> {
  if (centres.length === 0) return [];
  const pad = STREET_WITHIN_METRES;
  const places = await queryPlaces(db, {
    bbox: [
      Math.min(...centres.map((p) => p.lng)) - pad * DEGREES_PER_METRE_LNG,
      Math.min(...centres.map((p) => p.lat)) - pad * DEGREES_PER_METRE_LAT,
      Math.max(...centres.map((p) => p.lng)) + pad * DEGREES_PER_METRE_LNG,
      Math.max(...centres.map((p) => p.lat)) + pad * DEGREES_PER_METRE_LAT,
    ],
    restrictedAccess: PUBLIC_ONLY,
    limit: 100_000,
  });
  return places.flatMap((p) => {
    const address = p.attributes.address;
    const street = !p.restricted && typeof address === 'string' ? streetFromAddress(address, p.name) : null;
    return street ? [{ lng: p.lng, lat: p.lat, street }] : [];
  });
}

/**
 * Names for H3 cells, for people: the nearest street (from the addresses of public settings near
 * the cell's centre) and town, else the LSOA and postcode sector. Computed from public geography
 * only, so a name says no more than the cell's id does.
 */
export async function nameLocations(db: Db, cells: readonly string[]): Promise<Map<string, LocationName>> {
  const unique = [...new Set(cells)];
  const centres = unique.map((h3) => {
    const [lat, lng] = cellToLatLng(h3);
    return { lng, lat };
  });
  const stored = unique.map(storedCellOf);
  const [streets, towns, lsoas] = await Promise.all([
    streetsAround(db, centres),
    townsIndexed(),
    lsoaNamesOfCells(db, stored),
  ]);
  const streetTree = indexOf(streets);
  const names = new Map<string, LocationName>();
  unique.forEach((h3, i) => {
    const { lng, lat } = centres[i]!;
    const metresTo = (p: Located) => distance(lng, lat, p.lng, p.lat) * 1000;
    const nearStreets: StreetCandidate[] = streets.length
      ? around(streetTree, lng, lat, 5, STREET_WITHIN_METRES / 1000).map((j) => ({
          street: streets[j]!.street,
          metres: metresTo(streets[j]!),
        }))
      : [];
    const nearTowns: TownCandidate[] = around(towns.tree, lng, lat, 20, TOWN_SEARCH_KM).map((j) => {
      const t = towns.towns[j]!;
      return { name: t.name, population: t.population, metres: metresTo({ lng: t.lon, lat: t.lat }) };
    });
    names.set(
      h3,
      chooseLocationName({
        h3,
        streets: nearStreets,
        towns: nearTowns,
        lsoa: lsoas.get(stored[i]!) ?? null,
        postcodeSector: nearestPostcodeSector(lng, lat),
      }),
    );
  });
  return names;
}

/** Each cell's label, keyed by its id: what a response listing cells carries for people to read. */
export async function locationLabels(db: Db, cells: readonly string[]): Promise<Record<string, string>> {
  const names = await nameLocations(db, cells);
  return Object.fromEntries([...names].map(([h3, name]) => [h3, name.label]));
}

/** Builds the postcode and town indexes once, at start-up, so the first named response does not wait for them. */
export async function warmLocationNames(): Promise<void> {
  nearestPostcodeSector(0, 0);
  await townsIndexed();
}
