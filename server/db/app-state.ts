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
