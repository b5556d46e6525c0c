import { api, okJson } from '../api';
import { useRequest } from '../reference/useRequest';

export type MapDefaults = Awaited<ReturnType<typeof fetchMapDefaults>>;

const fetchMapDefaults = (_: string, signal: AbortSignal) =>
  okJson(api.api.datasets.defaults.$get(undefined, { init: { signal } }));

/**
 * Where this user lands on the map: their partnership and the police dataset covering it (null
 * while loading; null too if it failed, so the map falls back to the general defaults).
 */
export function useMapDefaults(): { defaults: MapDefaults | null; loading: boolean } {
  const request = useRequest('map-defaults', fetchMapDefaults, 'your partnership');
  return { defaults: request.data ?? null, loading: request.loading };
}
