import { gridDisk } from 'h3-js';

/**
 * Compressed sparse rows: the neighbours of cell i are indices[offsets[i] .. offsets[i+1]).
 * Typed arrays, not object graphs, so Gi* over tens of thousands of cells stays fast.
 */
export interface NeighbourList {
  offsets: Int32Array;
  indices: Int32Array;
}

/**
 * Binary k-ring weights over a study region: cell i's neighbours are the cells of the region
 * within k grid steps, itself included (Gi* counts the cell itself). Cells outside the region
 * are not neighbours: the region is the whole world the statistic knows.
 */
export function kRingNeighbours(cells: readonly string[], k: number): NeighbourList {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a whole number of rings >= 1 (got ${k})`);
  const index = new Map(cells.map((h, i) => [h, i]));
  const offsets = new Int32Array(cells.length + 1);
  const found: number[] = [];
  for (let i = 0; i < cells.length; i++) {
    for (const h of gridDisk(cells[i]!, k)) {
      const j = index.get(h);
      if (j !== undefined) found.push(j);
    }
    offsets[i + 1] = found.length;
  }
  return { offsets, indices: Int32Array.from(found) };
}

// Neighbour lists of recent study regions. An area's cover at a resolution is the same for every
// selection over it, and building the lists is the largest part of a Gi* request (about 100 ms
// for a force area at resolution 9), so they are kept. Few entries: each is a few hundred KB.
const MAX_CACHED_REGIONS = 24;
const cache = new Map<string, NeighbourList>();

/** kRingNeighbours, kept for the most recently used regions (keyed by k and the region's cells in order). */
export function cachedKRingNeighbours(cells: readonly string[], k: number): NeighbourList {
  const key = `${k}|${cells.join(',')}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key); // re-insert: Map order is recency
    cache.set(key, hit);
    return hit;
  }
  const built = kRingNeighbours(cells, k);
  cache.set(key, built);
  if (cache.size > MAX_CACHED_REGIONS) cache.delete(cache.keys().next().value!);
  return built;
}
