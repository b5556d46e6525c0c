import { api, okJson } from '../api';

export type BaseMapSetting = Awaited<ReturnType<typeof fetchBaseMap>>;
export type BaseLabels = Awaited<ReturnType<typeof fetchBaseLabels>>;

const getBaseMap = () => okJson(api.api['base-map'].$get());
async function fetchBaseMap() {
  return (await getBaseMap()).baseMap;
}

let setting: ReturnType<typeof fetchBaseMap> | undefined;

/** The configured base map, asked once per page load (an admin's change shows after a reload). */
export function baseMapSetting(): ReturnType<typeof fetchBaseMap> {
  setting ??= fetchBaseMap().catch((e: unknown) => {
    setting = undefined;
    throw e;
  });
  return setting;
}

/** Forget the kept setting (after an admin saves a new one). */
export function forgetBaseMapSetting(): void {
  setting = undefined;
}

export function fetchBaseLabels(bbox: readonly number[], zoom: number, signal: AbortSignal) {
  return okJson(
    api.api['base-map'].labels.$get({ query: { bbox: bbox.join(','), zoom: String(zoom) } }, { init: { signal } }),
  );
}
