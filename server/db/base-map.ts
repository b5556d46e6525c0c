import { type BaseMapSetting, OFFLINE_BASE_MAP } from '../domain/base-map.js';
import type { Queryable } from './types.js';

interface Row {
  kind: 'style' | 'raster' | 'pmtiles';
  location: string;
  attribution: string;
}

/** The configured base map, or the offline one when none is set. */
export async function readBaseMap(db: Queryable): Promise<BaseMapSetting> {
  const row = (await db.query<Row>('select kind, location, attribution from base_map'))[0];
  if (!row) return OFFLINE_BASE_MAP;
  return row.kind === 'pmtiles'
    ? { kind: 'pmtiles', file: row.location, attribution: row.attribution }
    : { kind: row.kind, url: row.location, attribution: row.attribution };
}

/** Store the setting (offline = no row). */
export async function writeBaseMap(db: Queryable, setting: BaseMapSetting, by: string): Promise<void> {
  if (setting.kind === 'offline') {
    await db.query('delete from base_map');
    return;
  }
  const location = setting.kind === 'pmtiles' ? setting.file : setting.url;
  await db.query(
    `insert into base_map (id, kind, location, attribution, updated_by) values (true, $1, $2, $3, $4)
     on conflict (id) do update set kind = excluded.kind, location = excluded.location,
       attribution = excluded.attribution, updated_by = excluded.updated_by, updated_at = now()`,
    [setting.kind, location, setting.attribution, by],
  );
}
