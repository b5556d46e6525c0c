import { mkdir } from 'node:fs/promises';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';
import { migrate } from './migrate.js';
import type { Db } from './types.js';

export type { Db, Tx } from './types.js';

export interface OpenOptions {
  /** postgres:// URL; when absent the embedded PGlite database is used. */
  url?: string;
  /** PGlite data directory; omitted = in memory (tests). */
  dataDir?: string;
  /** PostgreSQL schema to use (tests isolate themselves this way). */
  schema?: string;
  /** Tests of a migration: stop before the later ones. */
  migrateTo?: number;
}

/** Opens the database and brings its schema up to date. */
export async function openDatabase(options: OpenOptions): Promise<{ db: Db; schemaVersion: number }> {
  let db: Db;
  if (options.url) {
    if (options.schema) {
      const admin = await openPostgres(options.url);
      await admin.query(`create schema if not exists ${quoteIdent(options.schema)}`);
      await admin.close();
    }
    db = await openPostgres(options.url, options.schema);
  } else {
    if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
    db = await openPglite(options.dataDir);
  }
  const schemaVersion = await migrate(db, options.migrateTo);
  return { db, schemaVersion };
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`invalid schema name: ${name}`);
  return name;
}
