/**
 * Emergency departments receiving assault patients in the Gwent and South
 * Wales police areas. Coordinates: shared/data/places/hospitals/
 * stroke_hospitals_2022.csv (long/lat columns), except the Royal Glamorgan,
 * which is missing there: OS Code-Point Open CF72 8XR (E 303649, N 184110)
 * converted to WGS84.
 */
import { haversineM } from './geo.js';
import type { Rng } from './random.js';

export interface EdHospital {
  name: string;
  lon: number;
  lat: number;
}

export const ED_HOSPITALS: readonly EdHospital[] = [
  { name: 'Grange University Hospital', lon: -2.996331, lat: 51.646288 },
  { name: 'University Hospital of Wales', lon: -3.18936, lat: 51.506764 },
  { name: 'Morriston Hospital', lon: -3.935252, lat: 51.684652 },
  { name: 'Princess of Wales Hospital', lon: -3.571638, lat: 51.517676 },
  { name: 'Prince Charles Hospital', lon: -3.385504, lat: 51.763954 },
  { name: 'Royal Glamorgan Hospital', lon: -3.390921, lat: 51.547627 },
];

/** P(patient attends the nearest ED); otherwise the second nearest ("nearest-ish"). */
export const P_NEAREST_HOSPITAL = 0.85;

export function assignHospital(rng: Rng, lon: number, lat: number): string {
  const ranked = ED_HOSPITALS.map((h) => ({ h, d: haversineM(lon, lat, h.lon, h.lat) })).sort((a, b) => a.d - b.d);
  const first = ranked[0];
  const second = ranked[1];
  if (!first || !second) throw new Error('need at least two hospitals');
  return (rng.bool(P_NEAREST_HOSPITAL) ? first : second).h.name;
}
