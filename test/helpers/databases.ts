import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { openDatabase, type Db } from '../../server/db/index.js';
import { loadGeodataOnce } from '../../server/geodata-load.js';
import {
  copyPgliteDataDir,
  createDatabase,
  databaseUrl,
  dropDatabases,
  type DatabaseFixture,
} from './database-fixture.js';

export interface OpenOptions {
  /** Stop before later migrations (tests of a migration); such a database is built from scratch. */
  migrateTo?: number;
  /** With the bundled geography loaded, as loadGeodataOnce leaves it. */
  geography?: boolean;
}

export interface TestBackend {
  name: 'pglite' | 'postgres';
  /** A fresh, migrated database of its own (a PGlite folder, or a PostgreSQL database), empty unless `geography`. */
  open(options?: OpenOptions): Promise<TestDb>;
}

export interface TestDb {
  db: Db;
  /** Connection facts a child process needs to open the same database. */
  env: Record<string, string>;
  dispose(): Promise<void>;
}

const url = process.env.TEST_DATABASE_URL;
/**
 * The databases test/global-setup.ts built for this run, which each open copies; absent when a file
 * runs under a config without that setup, when each open builds its own the slow way.
 */
const fixture: DatabaseFixture | undefined = inject('hotspotDatabases');

const pglite: TestBackend = {
  name: 'pglite',
  async open(options = {}) {
    if (!fixture || options.migrateTo !== undefined) {
      const { db } = await openDatabase({ migrateTo: options.migrateTo });
      if (options.geography) await loadGeodata(db, options);
      return { db, env: {}, dispose: () => db.close() };
    }
    const dataDir = await copyPgliteDataDir(fixture.root, fixture.pglite[options.geography ? 'geography' : 'migrated']);
    const { db } = await openDatabase({ dataDir });
    return {
      db,
      env: {},
      async dispose() {
        await db.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  },
};

const postgres: TestBackend = {
  name: 'postgres',
  async open(options = {}) {
    const server = fixture?.postgres;
    const name = `${server?.prefix ?? 'hotspot_solo'}_t_${randomBytes(6).toString('hex')}`;
    const fromTemplate = server && options.migrateTo === undefined;
    await createDatabase(url!, name, fromTemplate ? server[options.geography ? 'geography' : 'migrated'] : undefined);
    const { db } = await openDatabase({ url: databaseUrl(url!, name), migrateTo: options.migrateTo });
    if (!fromTemplate && options.geography) await loadGeodata(db, options);
    return {
      db,
      env: { DATABASE_URL: databaseUrl(url!, name) },
      async dispose() {
        await db.close();
        await dropDatabases(url!, [name]);
      },
    };
  },
};

/** The slow way, for a database no template fits. */
async function loadGeodata(db: Db, options: OpenOptions): Promise<void> {
  if (options.migrateTo !== undefined) throw new Error('geography needs every migration');
  await loadGeodataOnce(db);
}

/** Integration suites run once per backend: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const backends: TestBackend[] = url ? [pglite, postgres] : [pglite];

/** A database a child process (server or CLI) can open too: a PGlite folder, or a PostgreSQL database. */
export interface SharedDatabase {
  /** Environment that points a child process at it. */
  env: Record<string, string>;
  /** Opens it in this process; `close` lets a child take it again (PGlite allows one process at a time). */
  open(): Promise<{ db: Db; close(): Promise<void> }>;
}

/**
 * A fresh, migrated database for tests that run the server or the CLI as a child process (with the
 * geography when asked, as a server that has started before leaves it). Global teardown removes it.
 */
export async function sharedDatabase(
  backend: TestBackend,
  options: Pick<OpenOptions, 'geography'> = {},
): Promise<SharedDatabase> {
  if (backend.name === 'pglite') {
    const dataDir = fixture
      ? await copyPgliteDataDir(fixture.root, fixture.pglite[options.geography ? 'geography' : 'migrated'])
      : await mkdtemp(join(tmpdir(), 'hotspot-shared-'));
    if (!fixture) {
      // Create and migrate it first, as a server would have.
      const { db } = await openDatabase({ dataDir });
      if (options.geography) await loadGeodataOnce(db);
      await db.close();
    }
    return {
      env: { HOTSPOT_DATA_DIR: dataDir },
      async open() {
        const { db } = await openDatabase({ dataDir });
        return { db, close: () => db.close() };
      },
    };
  }
  const t = await backend.open(options);
  return { env: t.env, open: async () => ({ db: t.db, close: async () => undefined }) };
}
