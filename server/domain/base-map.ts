/**
 * What the map draws under the data: the offline base map (names and land/water from the bundled
 * geodata, no tiles), or one an admin configures: a MapLibre style URL, an XYZ raster tile URL
 * template (an internal tile server, or the OS Maps API under the Public Sector Geospatial
 * Agreement), or a PMTiles file dropped into the data folder and served by the app itself.
 */
export type BaseMapSetting =
  | { kind: 'offline' }
  | { kind: 'style'; url: string; attribution: string }
  | { kind: 'raster'; url: string; attribution: string }
  | { kind: 'pmtiles'; file: string; attribution: string };

export type BaseMapKind = BaseMapSetting['kind'];

export const OFFLINE_BASE_MAP: BaseMapSetting = { kind: 'offline' };

/** A PMTiles file name in the data folder: a plain name, so it can never reach outside it. */
export const PMTILES_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,120}\.pmtiles$/;

/**
 * The origin the browser must be allowed to reach for a configured base map, or null when the
 * app serves it all (offline, PMTiles). An XYZ template's `{z}/{x}/{y}` are in its path, so the
 * origin parses; only http(s) is accepted.
 */
export function baseMapOrigin(setting: BaseMapSetting): string | null {
  if (setting.kind !== 'style' && setting.kind !== 'raster') return null;
  const url = new URL(setting.url);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('a base map URL must be http(s)');
  return url.origin;
}
