import { PGlite } from '@electric-sql/pglite';
import { copyStatement, type Db, type Tx } from './types.js';

/**
 * Settings a persisted embedded database keeps in its data directory (ALTER SYSTEM, applied from
 * its next start). PGlite starts with PostgreSQL's 128 MB of shared buffers inside its
 * WebAssembly memory, which never shrinks. 32 MB holds a force's pre-aggregated counts many times
 * over, and pages past it come from the operating system's file cache: the server's resident
 * memory on the bundled sample fell by about 100 MB, with force-area analyses as fast
 * (docs/PERFORMANCE.md).
 */
export const PGLITE_SETTINGS: Readonly<Record<string, string>> = { shared_buffers: '32MB' };

/** Embedded PostgreSQL (WASM): persisted under `dataDir`, or in memory when none is given. */
export async function openPglite(dataDir?: string): Promise<Db> {
  const pg = await PGlite.create(dataDir);
  if (dataDir) await keepSettings(pg);
  return {
    kind: 'pglite',
    async query<T>(sql: string, params: unknown[] = []) {
      return (await pg.query<T>(sql, params)).rows;
    },
    transaction<T>(fn: (tx: Tx) => Promise<T>) {
      return pg.transaction(async (inner) =>
        fn({
          async query<R>(sql: string, params: unknown[] = []) {
            return (await inner.query<R>(sql, params)).rows;
          },
          async copyCsv(table, columns, csv) {
            await inner.query(copyStatement(table, columns, "'/dev/blob'"), [], {
              blob: new Blob([csv as string | Uint8Array<ArrayBuffer>]),
            });
          },
        }),
      );
    },
    async close() {
      await pg.close();
    },
  };
}

/** Writes PGLITE_SETTINGS into the data directory's configuration where its files say otherwise. */
async function keepSettings(pg: PGlite): Promise<void> {
  for (const [name, value] of Object.entries(PGLITE_SETTINGS)) {
    const { rows } = await pg.query<{ value: string }>(
      'select setting as value from pg_file_settings where name = $1 order by seqno desc limit 1',
      [name],
    );
    if (rows[0]?.value !== value) await pg.query(`alter system set ${name} = '${value}'`);
  }
}
