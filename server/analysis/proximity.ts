import { gridDisk, latLngToCell } from 'h3-js';

/** A point in projected metres. */
export interface Xy {
  x: number;
  y: number;
}

/**
 * Calls `visit(placeIndex, point)` for every point within `radius` metres of each place (circle,
 * boundary included), using a square grid of buckets one radius wide so each place looks at nine
 * buckets only.
 */
function forEachWithin<P extends Xy>(
  places: readonly Xy[],
  points: readonly P[],
  radius: number,
  visit: (place: number, point: P) => void,
): void {
  if (!(radius > 0)) throw new RangeError(`radius must be positive (got ${radius})`);
  const buckets = new Map<string, P[]>();
  const key = (x: number, y: number) => `${Math.floor(x / radius)},${Math.floor(y / radius)}`;
  for (const p of points) {
    const k = key(p.x, p.y);
    const list = buckets.get(k);
    if (list) list.push(p);
    else buckets.set(k, [p]);
  }
  const r2 = radius * radius;
  places.forEach((place, i) => {
    const bx = Math.floor(place.x / radius);
    const by = Math.floor(place.y / radius);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const p of buckets.get(`${bx + dx},${by + dy}`) ?? [])
          if ((p.x - place.x) ** 2 + (p.y - place.y) ** 2 <= r2) visit(i, p);
      }
    }
  });
}

/** How many points lie within `radius` metres of each place; a point may stand for `count` incidents at one position. */
export function countWithin(
  places: readonly Xy[],
  points: readonly (Xy & { count?: number })[],
  radius: number,
): Int32Array {
  const counts = new Int32Array(places.length);
  forEachWithin(places, points, radius, (i, p) => (counts[i]! += p.count ?? 1));
  return counts;
}

/** The values of the points within `radius` metres of each place (each place's own list). */
export function valuesWithin<T>(places: readonly Xy[], points: readonly (Xy & { value: T })[], radius: number): T[][] {
  const values = places.map((): T[] => []);
  forEachWithin(places, points, radius, (i, p) => values[i]!.push(p.value));
  return values;
}

/**
 * Observed over expected: the count within the circle against what the area's average density
 * would put there (total / area × circle). Above 1 means busier than the area's average.
 */
export function ratioToAverage(count: number, total: number, areaKm2: number, radius: number): number | null {
  if (total === 0 || areaKm2 <= 0) return null;
  const expected = (total / areaKm2) * ((Math.PI * radius * radius) / 1e6);
  return count / expected;
}

/**
 * The resolution-9 cells that can hold a point within `radius` metres of any of the places: a
 * grid disk around each place's cell wide enough for the radius plus both cells' reach. Lets
 * the database return only incidents that could count, not every incident of the area.
 */
export function cellsNear(places: readonly { lat: number; lng: number }[], radius: number): string[] {
  // Resolution-9 cells: centres of cells k rings apart are at least ~225 m × k apart, and a point
  // lies within ~250 m of its cell's centre.
  const rings = Math.ceil((radius + 500) / 225);
  const cells = new Set<string>();
  for (const p of places) for (const h of gridDisk(latLngToCell(p.lat, p.lng, 9), rings)) cells.add(h);
  return [...cells];
}
