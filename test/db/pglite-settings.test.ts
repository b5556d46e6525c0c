import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/index.js';
import { PGLITE_SETTINGS } from '../../server/db/pglite.js';

const dir = mkdtempSync(join(tmpdir(), 'hotspot-pglite-settings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sharedBuffers = async (dataDir: string) => {
  const { db } = await openDatabase({ dataDir });
  try {
    return (await db.query<{ value: string }>("select current_setting('shared_buffers') as value"))[0]!.value;
  } finally {
    await db.close();
  }
};

// The embedded database's shared buffers live in WebAssembly memory that never shrinks: a
// persisted database keeps a smaller setting in its own configuration (server/db/pglite.ts).
describe('a persisted embedded database', () => {
  it('runs with the smaller shared buffers from its second start, and a database made before them takes them too', async () => {
    expect(PGLITE_SETTINGS.shared_buffers).toBe('32MB');
    const fresh = join(dir, 'fresh');
    expect(await sharedBuffers(fresh)).toBe('128MB'); // PostgreSQL's default, set before the database existed
    expect(await sharedBuffers(fresh)).toBe('32MB');
    expect(await sharedBuffers(fresh)).toBe('32MB');
    // As a database from before this setting: its configuration says 128MB.
    const auto = join(fresh, 'postgresql.auto.conf');
    writeFileSync(auto, readFileSync(auto, 'utf8').replace("shared_buffers = '32MB'", "shared_buffers = '128MB'"));
    expect(await sharedBuffers(fresh)).toBe('128MB');
    expect(await sharedBuffers(fresh)).toBe('32MB');
  });

  it('leaves an in-memory database (tests) as PGlite makes it', async () => {
    const { db } = await openDatabase({});
    expect((await db.query<{ value: string }>("select current_setting('shared_buffers') as value"))[0]!.value).toBe(
      '128MB',
    );
    await db.close();
  });
});
