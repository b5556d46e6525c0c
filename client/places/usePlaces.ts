import { type Bbox, fetchPlaces, fetchPlaceTypes, isAbort, type PlacesBody } from '../api';
import { useRequest } from '../reference/useRequest';

/** The kinds of place the server holds, with their labels, totals and stand-in notes (null while loading). */
export function usePlaceTypes() {
  const request = useRequest('place-types', (_: string, signal) => fetchPlaceTypes(signal), 'place types');
  return { types: request.loading ? null : (request.data ?? []), error: request.error };
}

interface CachedPlaces extends PlacesBody {
  bbox: Bbox;
}

const MAX_CACHED = 80;
const cache = new Map<string, CachedPlaces>();
const cacheKey = (type: string, bbox: Bbox) => `${type}|${bbox.join(',')}`;

/** A cached answer for the box: the same box, or a complete (not truncated) answer for a box around it. */
function cached(type: string, bbox: Bbox): CachedPlaces | undefined {
  const exact = cache.get(cacheKey(type, bbox));
  if (exact) return exact;
  for (const [key, entry] of cache) {
    if (key.startsWith(`${type}|`) && !entry.truncated && contains(entry.bbox, bbox)) return entry;
  }
  return undefined;
}

function remember(type: string, entry: CachedPlaces) {
  cache.set(cacheKey(type, entry.bbox), entry);
  while (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
}

export function contains(outer: Bbox, inner: Bbox): boolean {
  return outer[0] <= inner[0] && outer[1] <= inner[1] && outer[2] >= inner[2] && outer[3] >= inner[3];
}

/** A box grown by `margin` of its size on every side, to fetch a little beyond the view. */
export function growBbox([west, south, east, north]: Bbox, margin = 0.25): Bbox {
  const dx = (east - west) * margin;
  const dy = (north - south) * margin;
  return [west - dx, south - dy, east + dx, north + dy];
}

/** A box grown outwards to a 0.1-degree grid, so small pans reuse what was fetched. */
export function snapBbox([west, south, east, north]: Bbox, step = 0.1): Bbox {
  const down = (v: number) => Math.floor(v / step) * step;
  const up = (v: number) => Math.ceil(v / step) * step;
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return [
    round(Math.max(-180, down(west))),
    round(Math.max(-90, down(south))),
    round(Math.min(180, up(east))),
    round(Math.min(90, up(north))),
  ];
}

export interface Places {
  /** Places per type for the box. */
  byType: ReadonlyMap<string, PlacesBody>;
  /** Types that could not be loaded. */
  errors: string[];
}

/**
 * Places of the given types inside the box: one request per type not yet held (each capped by
 * the server), kept for later boxes inside a complete answer's.
 */
async function loadPlaces({ types, bbox }: { types: readonly string[]; bbox: Bbox }, signal: AbortSignal) {
  const answers = await Promise.allSettled(
    types.map(async (type): Promise<[string, PlacesBody]> => {
      const held = cached(type, bbox);
      if (held) return [type, held];
      const body = await fetchPlaces([type], bbox, signal);
      const entry = { places: body.places, truncated: body.truncated, bbox };
      remember(type, entry);
      return [type, entry];
    }),
  );
  const failed = answers.find((a) => a.status === 'rejected' && isAbort(a.reason));
  if (failed) throw (failed as PromiseRejectedResult).reason;
  return {
    byType: new Map(answers.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : []))),
    errors: answers.flatMap((a, i) =>
      a.status === 'rejected' ? [`Could not load places (${types[i]}): ${(a.reason as Error).message}`] : [],
    ),
  };
}

const NONE: Places = { byType: new Map(), errors: [] };

/** Places of the given types inside the box (null = none); the last box's stay shown while the next loads. */
export function usePlaces(
  types: readonly string[],
  bbox: Bbox | null,
): Places & { loading: boolean; error: string | null } {
  const request = useRequest(bbox && types.length ? { types, bbox } : null, loadPlaces, 'places', {
    keepPrevious: true,
  });
  return { ...(request.data ?? NONE), loading: request.loading, error: request.error };
}
