import { cellArea, cellToLatLng, latLngToCell } from 'h3-js';
import { cellsNear, ratioToAverage } from '../analysis/proximity.js';
import { areaCover } from '../db/areas.js';
import type { Db } from '../db/index.js';
import { queryPlaces, type RestrictedAccess } from '../db/places.js';
import type { AreaSelector } from '../domain/area.js';
import { wgs84ToBng } from '../geo/bng.js';
import { MIN_RESTRICTED_RADIUS, releasedArea, releasedNearPlaces } from '../release/gate.js';
import { standIn, statValue, sumReleased } from '../release/rules.js';
import { describeSelection, type PreparedSelection, releaseOf } from './selection.js';

export interface ProximityParams {
  area: AreaSelector;
  type: string;
  radius: number;
  top: number;
  from: string;
  to: string;
}

const toXy = (p: { lat: number; lng: number }) => {
  const [x, y] = wgs84ToBng(p.lng, p.lat);
  return { x, y };
};

/** Why the radius cannot be used with restricted data, or null. */
export function radiusProblem(s: PreparedSelection, radius: number): string | null {
  if (s.threshold === null || radius >= MIN_RESTRICTED_RADIUS) return null;
  return `restricted data: counts near places are sums of resolution-9 cells, so the radius must be at least ${MIN_RESTRICTED_RADIUS} m`;
}

/** The places of a type in the area (by the area's resolution-9 cover) that the user may see. */
async function placesInArea(db: Db, cover: readonly string[], type: string, access: RestrictedAccess) {
  const inArea = new Set(cover);
  const centres = cover.map((h) => cellToLatLng(h));
  const bbox = [
    Math.min(...centres.map((p) => p[1])) - 0.01,
    Math.min(...centres.map((p) => p[0])) - 0.01,
    Math.max(...centres.map((p) => p[1])) + 0.01,
    Math.max(...centres.map((p) => p[0])) + 0.01,
  ] as const;
  const found = await queryPlaces(db, {
    types: [type],
    bbox: cover.length ? bbox : [0, 0, 0, 0],
    restrictedAccess: access,
    limit: 20_000,
  });
  return found.filter((p) => inArea.has(latLngToCell(p.lat, p.lng, 9)));
}

/** Incidents within a radius of each place of a type in an area, ranked, with the ratio to the area's average density. */
export async function proximity(db: Db, s: PreparedSelection, q: ProximityParams, access: RestrictedAccess) {
  const { threshold } = s;
  const cover = await areaCover(db, q.area, 9);
  const places = await placesInArea(db, cover, q.type, access);
  const release = releaseOf(s, { res: 9 });
  // Only positions that could lie within the radius of a place are read (cellsNear).
  const located = places.map((p) => ({ ...p, ...toXy(p) }));
  const [counts, released] = await Promise.all([
    releasedNearPlaces(db, release, q.area, located, q.radius, cellsNear(places, q.radius), toXy),
    releasedArea(db, release, q.area),
  ]);
  // The average density is over the cover's cells, so the incidents are those of the same cells
  // (not the area's total, which counts each incident in its local authority).
  const total = sumReleased(released.cells[0]!.values(), threshold);
  const areaKm2 = cover.reduce((a, h) => a + cellArea(h, 'km2'), 0);
  // Ranked on released counts (a withheld one as its stand-in).
  const rankOf = (n: number | null) => statValue(n, threshold);
  const ranked = places
    .map((p, i) => {
      const count = counts[i]!;
      const ratio = count === null || total === null ? null : ratioToAverage(count, total, areaKm2, q.radius);
      return { name: p.name, type: p.type, lat: p.lat, lng: p.lng, count, ratioToAverage: ratio };
    })
    .sort((a, b) => rankOf(b.count) - rankOf(a.count) || a.name.localeCompare(b.name))
    .slice(0, q.top);
  const sumRule = `a place's count is the sum of the released counts of the resolution-9 cells whose centre lies within the radius, a withheld cell counted as ${threshold === null ? 0 : standIn(threshold)}; places ranked on those sums`;
  return {
    area: s.echo.area as string,
    type: q.type,
    radius: q.radius,
    from: q.from,
    to: q.to,
    ...describeSelection(s, threshold === null ? [] : [sumRule]),
    placesInArea: places.length,
    incidentsInArea: total,
    areaKm2,
    averagePerKm2: total === null ? null : total / areaKm2,
    places: ranked,
  };
}
