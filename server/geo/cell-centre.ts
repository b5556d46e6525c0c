import { cellToLatLng } from 'h3-js';
import { wgs84ToBng } from './bng.js';

// A cell's centre never changes, and projecting is the slow part of density over a force area
// (tens of thousands of cells), so centres are kept once computed. Bounded: cleared when full.
const MAX_CACHED = 1_000_000;
const cache = new Map<string, { x: number; y: number }>();

/** An H3 cell's centre in British National Grid metres. */
export function cellCentreBng(h3: string): { x: number; y: number } {
  let xy = cache.get(h3);
  if (!xy) {
    const [lat, lng] = cellToLatLng(h3);
    const [x, y] = wgs84ToBng(lng, lat);
    xy = { x, y };
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(h3, xy);
  }
  return xy;
}
