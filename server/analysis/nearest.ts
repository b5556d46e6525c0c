import { distance } from '@turf/turf';

export interface Setting {
  type: string;
  name: string;
  lat: number;
  lng: number;
}

export interface NearestSetting {
  type: string;
  name: string;
  /** Metres from the cell centre (great-circle). */
  distance: number;
}

/** For one location, the nearest setting of each type within `withinMetres`, nearest first. */
export function nearestByType(
  at: { lat: number; lng: number },
  settings: readonly Setting[],
  withinMetres: number,
): NearestSetting[] {
  const best = new Map<string, NearestSetting>();
  for (const s of settings) {
    const d = distance([at.lng, at.lat], [s.lng, s.lat], { units: 'meters' });
    if (d > withinMetres) continue;
    const current = best.get(s.type);
    if (!current || d < current.distance) best.set(s.type, { type: s.type, name: s.name, distance: d });
  }
  return [...best.values()].sort((a, b) => a.distance - b.distance);
}
