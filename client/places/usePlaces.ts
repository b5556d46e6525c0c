import { useEffect, useRef, useState } from 'react';
import { fetchPlaces, fetchPlaceTypes, isAbort, type Bbox, type PlacesBody, type PlaceType } from '../api';
import { useFetched } from '../reference/useFetched';

export interface PlaceTypesState {
  /** Null while loading; empty when there are none (or they could not be loaded). */
  types: PlaceType[] | null;
  error: string | null;
}

/** The kinds of place the server holds, with their labels, totals and stand-in notes. */
export function usePlaceTypes(): PlaceTypesState {
  const fetched = useFetched('place-types', (signal) => fetchPlaceTypes(signal), 'place types');
  if (fetched.loading) return { types: null, error: null };
  return { types: fetched.data ?? [], error: fetched.error };
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

export interface PlacesState {
  /** Places per type for the box (types still loading are absent). */
  byType: ReadonlyMap<string, PlacesBody>;
  loading: boolean;
  errors: string[];
}

/** Places of the given types inside the box, one request per type (each capped by the server). */
export function usePlaces(types: readonly string[], bbox: Bbox | null): PlacesState {
  const [, setVersion] = useState(0);
  const [failed, setFailed] = useState<ReadonlyMap<string, string>>(new Map());
  const missing = bbox ? types.filter((t) => !cached(t, bbox) && !failed.has(cacheKey(t, bbox))) : [];
  // Keyed on the whole request (box and types), not on what is still missing, so one type's
  // answer arriving does not cancel and repeat the others' requests.
  const requestKey = bbox ? `${bbox.join(',')}#${types.join(',')}` : null;

  useEffect(() => {
    if (!bbox || missing.length === 0) return;
    const controller = new AbortController();
    for (const type of missing) {
      fetchPlaces([type], bbox, controller.signal)
        .then((body) => {
          remember(type, { places: body.places, truncated: body.truncated, bbox });
          setVersion((v) => v + 1);
        })
        .catch((error: unknown) => {
          if (isAbort(error)) return;
          const message = `Could not load places (${type}): ${error instanceof Error ? error.message : String(error)}`;
          setFailed((previous) => new Map(previous).set(cacheKey(type, bbox), message));
        });
    }
    return () => controller.abort();
    // `requestKey` captures the box and the types; `missing` is read when they change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [requestKey]);

  const entries: Array<[string, PlacesBody]> = [];
  const errors: string[] = [];
  if (bbox) {
    for (const type of types) {
      const entry = cached(type, bbox);
      if (entry) entries.push([type, entry]);
      const error = failed.get(cacheKey(type, bbox));
      if (error) errors.push(error);
    }
  }
  // The same answers give the same map, so layers built from it are not rebuilt on every render.
  const previous = useRef<{ entries: Array<[string, PlacesBody]>; byType: ReadonlyMap<string, PlacesBody> } | null>(
    null,
  );
  const same =
    previous.current !== null &&
    previous.current.entries.length === entries.length &&
    previous.current.entries.every(([type, body], i) => entries[i]![0] === type && entries[i]![1] === body);
  if (!same) previous.current = { entries, byType: new Map(entries) };
  return { byType: previous.current!.byType, loading: missing.length > 0, errors };
}
