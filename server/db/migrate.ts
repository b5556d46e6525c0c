import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Db } from './types.js';

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));
// Any constant works; it only has to be the same for every process sharing the database.
const MIGRATION_LOCK = 727_001;

/**
 * Applies the numbered SQL files in migrations/ that have not run yet (up to `upTo`, for tests of
 * a migration on data made before it); returns the schema version.
 */
export async function migrate(db: Db, upTo = Infinity): Promise<number> {
  const files = (await readdir(migrationsDir)).filter((f) => /^\d{3}_.+\.sql$/.test(f)).sort();
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(
      'create table if not exists schema_migrations (version int primary key, name text not null, applied_at timestamptz not null default now())',
    );
    const applied = new Set(
      (await tx.query<{ version: number }>('select version from schema_migrations')).map((r) => r.version),
    );
    let version = 0;
    for (const file of files) {
      if (Number(file.slice(0, 3)) > upTo) break;
      version = Number(file.slice(0, 3));
      if (applied.has(version)) continue;
      const sql = await readFile(migrationsDir + file, 'utf8');
      for (const statement of splitStatements(sql)) await tx.query(statement);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [version, file]);
    }
    return version;
  });
}

export async function schemaVersion(db: Db): Promise<number> {
  const rows = await db.query<{ v: number | null }>('select max(version)::int as v from schema_migrations');
  return rows[0]?.v ?? 0;
}

/** Migrations hold plain DDL (no functions with bodies), so splitting on `;` at line ends is safe. */
function splitStatements(sql: string): string[] {
  return sql
    .replace(/--.*$/gm, '')
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter(Boolean);
}
