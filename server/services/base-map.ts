/**
 * The base map setting: read (memoised per database handle, so the content-security policy of
 * every response can follow it cheaply), checked and saved, and the PMTiles files an admin can
 * choose from (dropped into `<data folder>/basemaps/`).
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readConfig } from '../config.js';
import { readBaseMap, writeBaseMap } from '../db/base-map.js';
import type { Queryable } from '../db/types.js';
import { type BaseMapSetting, baseMapOrigin, PMTILES_FILE_NAME } from '../domain/base-map.js';

/** Where PMTiles files are dropped: a folder of the data folder (PGlite keeps its files beside it). */
export function baseMapFolder(): string {
  return join(readConfig().dataDir, 'basemaps');
}

/** The PMTiles files in the base map folder, by name. */
export async function pmtilesFiles(): Promise<string[]> {
  const dir = baseMapFolder();
  if (!existsSync(dir)) return [];
  return (await readdir(dir)).filter((f) => PMTILES_FILE_NAME.test(f)).sort();
}

/** A setting is re-read at most this often per handle (another server process may change it). */
const TTL_MS = 5_000;
const memo = new WeakMap<Queryable, { setting: BaseMapSetting; readAt: number }>();

export async function currentBaseMap(db: Queryable): Promise<BaseMapSetting> {
  const kept = memo.get(db);
  if (kept && performance.now() - kept.readAt < TTL_MS) return kept.setting;
  const setting = await readBaseMap(db);
  memo.set(db, { setting, readAt: performance.now() });
  return setting;
}

/** Saves a setting after checking it; returns the problem in words instead when it is not usable. */
export async function saveBaseMap(
  db: Queryable,
  setting: BaseMapSetting,
  by: string,
): Promise<{ ok: true } | { ok: false; error: string }> {
  if (setting.kind === 'pmtiles' && !(await pmtilesFiles()).includes(setting.file))
    return { ok: false, error: `no PMTiles file "${setting.file}" in ${baseMapFolder()}` };
  if (setting.kind === 'style' || setting.kind === 'raster') {
    try {
      baseMapOrigin(setting);
    } catch {
      return { ok: false, error: 'the base map URL must be an http or https URL' };
    }
    if (setting.kind === 'raster' && !['{z}', '{x}', '{y}'].every((p) => setting.url.includes(p)))
      return { ok: false, error: 'a tile URL template needs {z}, {x} and {y}' };
  }
  await writeBaseMap(db, setting, by);
  memo.delete(db);
  return { ok: true };
}

/** Origins outside the app the browser may fetch map tiles, styles, glyphs and sprites from. */
export async function baseMapOrigins(db: Queryable): Promise<string[]> {
  const origin = baseMapOrigin(await currentBaseMap(db));
  return origin ? [origin] : [];
}
