/**
 * Small spherical-geometry helpers: distances, disc jitter, and a grid index
 * for "nearest point within r metres" queries (used by the generator's
 * reports and by the tests).
 */
import type { Rng } from './random.js';

export const EARTH_RADIUS_M = 6371008.8;
const DEG = Math.PI / 180;

export interface LonLat {
  lon: number;
  lat: number;
}

/** Great-circle (haversine) distance in metres. */
export function haversineM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const p1 = lat1 * DEG;
  const p2 = lat2 * DEG;
  const dp = p2 - p1;
  const dl = (lon2 - lon1) * DEG;
  const h = Math.sin(dp / 2) ** 2 + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Move a point by (dx east, dy north) metres (local flat approximation, fine below ~1 km). */
export function offsetLonLat(lon: number, lat: number, dxM: number, dyM: number): LonLat {
  const dLat = dyM / EARTH_RADIUS_M / DEG;
  const dLon = dxM / (EARTH_RADIUS_M * Math.cos(lat * DEG)) / DEG;
  return { lon: lon + dLon, lat: lat + dLat };
}

/** A point drawn uniformly from the disc of radius `radiusM` around (lon, lat). */
export function jitterInDisc(rng: Rng, lon: number, lat: number, radiusM: number): LonLat {
  const r = radiusM * Math.sqrt(rng.next());
  const theta = 2 * Math.PI * rng.next();
  return offsetLonLat(lon, lat, r * Math.cos(theta), r * Math.sin(theta));
}

/** Round to a fixed number of decimals (for 6-dp WGS84 output). */
export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

/** Uniform grid index over lon/lat points for radius queries up to ~1 km. */
export class PointIndex {
  private readonly cells = new Map<string, LonLat[]>();
  private readonly cellDeg: number;

  constructor(points: Iterable<LonLat>, cellDeg = 0.01) {
    this.cellDeg = cellDeg;
    for (const p of points) {
      const key = this.key(Math.floor(p.lon / cellDeg), Math.floor(p.lat / cellDeg));
      let list = this.cells.get(key);
      if (!list) {
        list = [];
        this.cells.set(key, list);
      }
      list.push(p);
    }
  }

  private key(cx: number, cy: number): string {
    return `${cx},${cy}`;
  }

  private *candidates(lon: number, lat: number, radiusM: number): Generator<LonLat> {
    const latSpan = radiusM / EARTH_RADIUS_M / DEG;
    const lonSpan = radiusM / (EARTH_RADIUS_M * Math.cos(lat * DEG)) / DEG;
    const x0 = Math.floor((lon - lonSpan) / this.cellDeg);
    const x1 = Math.floor((lon + lonSpan) / this.cellDeg);
    const y0 = Math.floor((lat - latSpan) / this.cellDeg);
    const y1 = Math.floor((lat + latSpan) / this.cellDeg);
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const list = this.cells.get(this.key(cx, cy));
        if (list) yield* list;
      }
    }
  }

  /** Distance in metres to the nearest indexed point within radiusM, or null. */
  nearestWithin(lon: number, lat: number, radiusM: number): number | null {
    let best: number | null = null;
    for (const p of this.candidates(lon, lat, radiusM)) {
      const d = haversineM(lon, lat, p.lon, p.lat);
      if (d <= radiusM && (best === null || d < best)) best = d;
    }
    return best;
  }

  /** Number of indexed points within radiusM. */
  countWithin(lon: number, lat: number, radiusM: number): number {
    let n = 0;
    for (const p of this.candidates(lon, lat, radiusM)) {
      if (haversineM(lon, lat, p.lon, p.lat) <= radiusM) n++;
    }
    return n;
  }
}
