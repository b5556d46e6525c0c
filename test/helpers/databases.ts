import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { openDatabase, type Db } from '../../server/db/index.js';
import { openPostgres } from '../../server/db/postgres.js';

export interface TestBackend {
  name: 'pglite' | 'postgres';
  /** A fresh, empty, migrated database (its own PostgreSQL schema on the server lane); `migrateTo` stops before later migrations. */
  open(options?: { migrateTo?: number }): Promise<TestDb>;
}

export interface TestDb {
  db: Db;
  /** Connection facts a child process needs to open the same database. */
  env: Record<string, string>;
  dispose(): Promise<void>;
}

const url = process.env.TEST_DATABASE_URL;

const pglite: TestBackend = {
  name: 'pglite',
  async open(options = {}) {
    const { db } = await openDatabase(options);
    return { db, env: {}, dispose: () => db.close() };
  },
};

const postgres: TestBackend = {
  name: 'postgres',
  async open(options = {}) {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const { db } = await openDatabase({ url, schema, ...options });
    return {
      db,
      env: { DATABASE_URL: url!, HOTSPOT_DB_SCHEMA: schema },
      async dispose() {
        await db.close();
        const admin = await openPostgres(url!);
        await admin.query(`drop schema if exists ${schema} cascade`);
        await admin.close();
      },
    };
  },
};

/** Integration suites run once per backend: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const backends: TestBackend[] = url ? [pglite, postgres] : [pglite];

/** A database a child process (server or CLI) can open too: a PGlite folder, or a PostgreSQL schema. */
export interface SharedDatabase {
  /** Environment that points a child process at it. */
  env: Record<string, string>;
  /** Opens it in this process; `close` lets a child take it again (PGlite allows one process at a time). */
  open(): Promise<{ db: Db; close(): Promise<void> }>;
}

/** A fresh, migrated database for tests that run the server or the CLI as a child process. */
export async function sharedDatabase(backend: TestBackend): Promise<SharedDatabase> {
  if (backend.name === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'hotspot-shared-'));
    // Create and migrate it first, as a server would have.
    await (await openDatabase({ dataDir })).db.close();
    return {
      env: { HOTSPOT_DATA_DIR: dataDir },
      async open() {
        const { db } = await openDatabase({ dataDir });
        return { db, close: () => db.close() };
      },
    };
  }
  const t = await backend.open();
  return { env: t.env, open: async () => ({ db: t.db, close: async () => undefined }) };
}
