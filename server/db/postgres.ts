import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { copyStatement, type Db, type Tx } from './types.js';

/** A PostgreSQL server through node-postgres. `searchPath` isolates test schemas. */
export async function openPostgres(connectionString: string, searchPath?: string): Promise<Db> {
  const pool = new pg.Pool({
    connectionString,
    max: 8,
    ...(searchPath ? { options: `-c search_path=${searchPath}` } : {}),
  });
  // Fail fast with a clear message if the server is unreachable.
  await pool.query('select 1');
  return {
    kind: 'postgres',
    async query<T>(sql: string, params: unknown[] = []) {
      return (await pool.query(sql, params)).rows as T[];
    },
    async transaction<T>(fn: (tx: Tx) => Promise<T>) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          async query<R>(sql: string, params: unknown[] = []) {
            return (await client.query(sql, params)).rows as R[];
          },
          async copyCsv(table, columns, csv) {
            await pipeline(Readable.from([csv]), client.query(copyFrom(copyStatement(table, columns, 'STDIN'))));
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
