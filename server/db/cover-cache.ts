import type { AreaSelector } from '../domain/area.js';
import { storedGeodataVersion } from './app-state.js';
import type { Queryable } from './types.js';

/**
 * Area covers, kept in memory. A cover is the largest query of most area analyses (a force area
 * at resolution 9 is 16,000 cells with their population: about 200 ms) and changes only when the
 * geography is reloaded: a reload stores a new `geodata_version`, which is part of the key, and
 * user-drawn partnerships are never edited (their ids are never reused). Per database handle, so
 * two databases in one process never share covers. Entries are frozen: callers share them.
 */
const MAX_ENTRIES = 48;
const caches = new WeakMap<Queryable, Map<string, unknown>>();

export async function cachedCover<T extends object>(
  db: Queryable,
  what: string,
  area: Exclude<AreaSelector, { kind: 'cells' }>,
  res: number,
  load: () => Promise<T>,
): Promise<T> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const key = `${(await storedGeodataVersion(db)) ?? 'none'}|${what}|${area.kind}:${area.kind === 'partnership' ? area.id : area.code}|${res}`;
  const hit = cache.get(key) as T | undefined;
  if (hit) {
    cache.delete(key); // re-insert: Map order is recency
    cache.set(key, hit);
    return hit;
  }
  const loaded = Object.freeze(await load());
  cache.set(key, loaded);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return loaded;
}
