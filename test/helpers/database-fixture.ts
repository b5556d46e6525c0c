/**
 * The databases every integration test starts from, built once per run by test/global-setup.ts:
 * migrated, and migrated with the bundled geography loaded. Migrating and loading the geography
 * took most of each integration file's time; copying a built one takes about a second.
 */
import { randomBytes } from 'node:crypto';
import { cp, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { openDatabase } from '../../server/db/index.js';
import { openPostgres } from '../../server/db/postgres.js';
import { loadGeodataOnce } from '../../server/geodata-load.js';

/** What global setup hands to the test workers (plain data: it crosses a process boundary). */
export interface DatabaseFixture {
  /** A folder of this run's; PGlite copies go under it, and teardown removes it. */
  root: string;
  /** PGlite data directories to copy: migrated, and migrated with the geography. */
  pglite: FixturePair;
  /** Template databases on the TEST_DATABASE_URL server, when it is set. */
  postgres?: FixturePair & {
    url: string;
    /** Every database of this run is named with it, so teardown can drop any a test left. */
    prefix: string;
  };
}

interface FixturePair {
  migrated: string;
  geography: string;
}

/** Builds the PGlite data directories under `root`: one migrated, one with the geography too. */
export async function buildPgliteFixture(root: string): Promise<FixturePair> {
  const migrated = join(root, 'pglite-migrated');
  const geography = join(root, 'pglite-geography');
  // Through openDatabase with a data directory, as the server opens one (with its settings).
  await (await openDatabase({ dataDir: migrated })).db.close();
  await cp(migrated, geography, { recursive: true });
  const { db } = await openDatabase({ dataDir: geography });
  await loadGeodataOnce(db);
  await db.close();
  return { migrated, geography };
}

/** A fresh PGlite data directory under `root`, copied from one of the fixture's. */
export async function copyPgliteDataDir(root: string, from: string): Promise<string> {
  const dataDir = join(root, 'open', `db-${randomBytes(6).toString('hex')}`);
  await mkdir(join(root, 'open'), { recursive: true });
  await cp(from, dataDir, { recursive: true });
  return dataDir;
}

/** Builds two template databases on the server: migrated, and migrated with the geography. */
export async function buildPostgresFixture(url: string): Promise<NonNullable<DatabaseFixture['postgres']>> {
  const prefix = `hotspot_${randomBytes(4).toString('hex')}`;
  const migrated = `${prefix}_tpl`;
  const geography = `${prefix}_tpl_geo`;
  await createDatabase(url, migrated);
  {
    const { db } = await openDatabase({ url: databaseUrl(url, migrated) });
    await db.close();
  }
  // A template must have no connections while it is copied: the one above is closed.
  await createDatabase(url, geography, migrated);
  const { db } = await openDatabase({ url: databaseUrl(url, geography) });
  await loadGeodataOnce(db);
  await db.close();
  return { url, prefix, migrated, geography };
}

/** Creates a database, empty or as a copy of `template`. */
export async function createDatabase(url: string, name: string, template?: string): Promise<void> {
  const admin = await openPostgres(url);
  try {
    await admin.query(`create database ${ident(name)}${template ? ` template ${ident(template)}` : ''}`);
  } finally {
    await admin.close();
  }
}

/** Drops databases, closing any connection a killed child process left. */
export async function dropDatabases(url: string, names: readonly string[]): Promise<void> {
  const admin = await openPostgres(url);
  try {
    for (const name of names) await admin.query(`drop database if exists ${ident(name)} with (force)`);
  } finally {
    await admin.close();
  }
}

/** The names of the databases whose name starts with `prefix`. */
export async function databasesNamed(url: string, prefix: string): Promise<string[]> {
  const admin = await openPostgres(url);
  try {
    const rows = await admin.query<{ name: string }>(
      `select datname as name from pg_database where starts_with(datname, $1)`,
      [prefix],
    );
    return rows.map((r) => r.name);
  } finally {
    await admin.close();
  }
}

/** The same server URL with another database. */
export function databaseUrl(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Names are made here, never from input; the check keeps them plain identifiers. */
function ident(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`invalid database name: ${name}`);
  return name;
}
