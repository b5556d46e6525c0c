import { gridDisk } from 'h3-js';
import { cachedKRingNeighbours, type NeighbourList } from './neighbours.js';

/** ArcGIS's advice for Hot Spot Analysis: every feature should have at least eight neighbours. */
export const MIN_NEIGHBOURS = 8;
/** The widest ring chosen automatically (and the widest that may be asked for). */
export const MAX_RING = 5;

/** A neighbourhood asked for: a whole number of rings, or 'auto' (the smallest with 8 neighbours each). */
export type Ring = number | 'auto';

export interface Neighbourhood {
  /** The ring used. */
  k: number;
  auto: boolean;
  neighbours: NeighbourList;
  /** The fewest neighbours (the cell itself not counted) any cell has within the region. */
  fewest: number;
  /** Cells with fewer than 8 neighbours: with 'auto', those that have fewer even at MAX_RING (detached parts of the region). */
  short: string[];
}

/** How many cells of the region lie within k rings of a cell, itself not counted. */
function neighboursWithin(cell: string, k: number, inRegion: ReadonlySet<string>): number {
  let found = 0;
  for (const h of gridDisk(cell, k)) if (h !== cell && inRegion.has(h)) found++;
  return found;
}

/**
 * The smallest k-ring in which every cell of the region has at least 8 neighbours in the region
 * (Optimized Hot Spot Analysis' aim, on the H3 grid: a k-ring is the grid's distance band of about
 * k cell spacings). A ring of 1 has at most 6, so the search starts at 2. Cells that lack 8 even
 * at MAX_RING lie in a detached part of the region (an island, a fragment of the cover): they do
 * not widen everyone's ring, and are reported.
 */
export function autoRing(region: readonly string[]): { k: number; short: string[] } {
  const inRegion = new Set(region);
  // The 2-ring lists are needed anyway in the common case; only the cells short there are searched further.
  const two = cachedKRingNeighbours(region, 2);
  let k = 2;
  const short: string[] = [];
  region.forEach((h, i) => {
    if (two.offsets[i + 1]! - two.offsets[i]! - 1 >= MIN_NEIGHBOURS) return;
    let ring = 3;
    while (ring <= MAX_RING && neighboursWithin(h, ring, inRegion) < MIN_NEIGHBOURS) ring++;
    if (ring > MAX_RING) short.push(h);
    else k = Math.max(k, ring);
  });
  return { k, short };
}

const autoCache = new Map<string, { k: number; short: string[] }>();

/** The neighbourhood of Gi* over a region: the ring asked for, or the automatic one. */
export function neighbourhood(region: readonly string[], ring: Ring): Neighbourhood {
  let k: number;
  if (ring === 'auto') {
    const key = region.join(',');
    let chosen = autoCache.get(key);
    if (!chosen) {
      chosen = autoRing(region);
      autoCache.set(key, chosen);
      if (autoCache.size > 24) autoCache.delete(autoCache.keys().next().value!);
    }
    k = chosen.k;
  } else k = ring;
  const neighbours = cachedKRingNeighbours(region, k);
  let fewest = Number.POSITIVE_INFINITY;
  const short: string[] = [];
  for (let i = 0; i < region.length; i++) {
    const others = neighbours.offsets[i + 1]! - neighbours.offsets[i]! - 1;
    fewest = Math.min(fewest, others);
    if (others < MIN_NEIGHBOURS) short.push(region[i]!);
  }
  return { k, auto: ring === 'auto', neighbours, fewest: region.length ? fewest : 0, short };
}
