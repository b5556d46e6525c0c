import { PGlite } from '@electric-sql/pglite';
import { copyStatement, type Db, type Tx } from './types.js';

/** Embedded PostgreSQL (WASM): persisted under `dataDir`, or in memory when none is given. */
export async function openPglite(dataDir?: string): Promise<Db> {
  const pg = await PGlite.create(dataDir);
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
            await inner.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob: new Blob([csv as string | Uint8Array<ArrayBuffer>]) });
          },
        }),
      );
    },
    async close() {
      await pg.close();
    },
  };
}
