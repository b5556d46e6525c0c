import type { Queryable } from './types.js';

export async function getState(db: Queryable, key: string): Promise<string | undefined> {
  return (await db.query<{ value: string }>('select value from app_state where key = $1', [key]))[0]?.value;
}

export async function setState(db: Queryable, key: string, value: string): Promise<void> {
  await db.query(
    `insert into app_state (key, value) values ($1, $2)
     on conflict (key) do update set value = excluded.value, updated_at = now()`,
    [key, value],
  );
}

/**
 * The stored geography version, which every cover and kept result is keyed on, read at most
 * once every few seconds per database handle: every area request asked for it, and it changes
 * only when geodata is loaded (at start-up: loadGeodataOnce forgets the memo, so this process
 * sees a reload at once, another within the interval).
 */
const GEODATA_VERSION_TTL_MS = 5_000;
const geodataVersions = new WeakMap<Queryable, { value: string | undefined; readAt: number }>();

export async function storedGeodataVersion(db: Queryable): Promise<string | undefined> {
  const memo = geodataVersions.get(db);
  if (memo && performance.now() - memo.readAt < GEODATA_VERSION_TTL_MS) return memo.value;
  const value = await getState(db, 'geodata_version');
  geodataVersions.set(db, { value, readAt: performance.now() });
  return value;
}

export function forgetGeodataVersion(db: Queryable): void {
  geodataVersions.delete(db);
}
