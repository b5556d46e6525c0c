/**
 * Vitest global setup of the integration lane: builds the databases the tests start from once per
 * run (test/helpers/database-fixture.ts) and hands them to the workers, which copy them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import {
  buildPgliteFixture,
  buildPostgresFixture,
  type DatabaseFixture,
  databasesNamed,
  dropDatabases,
} from './helpers/database-fixture.js';

declare module 'vitest' {
  interface ProvidedContext {
    hotspotDatabases: DatabaseFixture | undefined;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = performance.now();
  const root = await mkdtemp(join(tmpdir(), 'hotspot-test-databases-'));
  const url = process.env.TEST_DATABASE_URL;
  // Both at once: PGlite works in this process, PostgreSQL mostly in its server.
  const [pglite, postgres] = await Promise.all([
    buildPgliteFixture(root),
    url ? buildPostgresFixture(url) : Promise.resolve(undefined),
  ]);
  const fixture: DatabaseFixture = { root, pglite, ...(postgres ? { postgres } : {}) };
  project.provide('hotspotDatabases', fixture);
  console.log(`test databases built in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  return async () => {
    // Also whatever a failed or killed test left.
    if (postgres) await dropDatabases(postgres.url, await databasesNamed(postgres.url, postgres.prefix));
    await rm(root, { recursive: true, force: true });
  };
}
