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
function forEachWithin<P extends Xy>(places: readonly Xy[], points: readonly P[], radius: number, visit: (place: number, point: P) => void): void {
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
        for (const p of buckets.get(`${bx + dx},${by + dy}`) ?? []) if ((p.x - place.x) ** 2 + (p.y - place.y) ** 2 <= r2) visit(i, p);
      }
    }
  });
}

/** How many points lie within `radius` metres of each place. */
export function countWithin(places: readonly Xy[], points: readonly Xy[], radius: number): Int32Array {
  const counts = new Int32Array(places.length);
  forEachWithin(places, points, radius, (i) => counts[i]!++);
  return counts;
}

/** The cell key of the points within `radius` metres of each place: their record keys summed mod 256. */
export function cellKeysWithin(places: readonly Xy[], points: readonly (Xy & { key: number })[], radius: number): Int32Array {
  const keys = new Int32Array(places.length);
  forEachWithin(places, points, radius, (i, p) => (keys[i] = (keys[i]! + p.key) % 256));
  return keys;
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
