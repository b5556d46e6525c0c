/**
 * Disk used by stored incidents: heap, each index and TOAST of the incidents table, the bytes
 * per incident (which is also MB per million incidents, taking MB = 10^6 bytes), the average
 * stored width of each column (pg_stats, so after ANALYZE), and for PGlite the data directory.
 * Used by scripts/bench/ingest-national.ts; also runs on its own against an existing database
 * (read only: it neither migrates nor writes):
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx scripts/bench/disk.ts [--schema S]
 *   npx tsx scripts/bench/disk.ts --pglite /path/to/pglite-data
 */
import { readdirSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Queryable } from '../../server/db/types.js';

export interface TableBytes {
  rows: number;
  heap: number;
  toast: number;
  indexes: { name: string; bytes: number }[];
  total: number;
  bytesPerRow: number;
  /** Average stored width per column from pg_stats (null when the table was never analysed). */
  columnWidths: { column: string; bytes: number }[] | null;
}

/** Sizes of `table` in the current search path (heap = main fork + free space and visibility maps). */
export async function tableBytes(db: Queryable, table = 'incidents', countRows = true): Promise<TableBytes> {
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`invalid table name ${table}`);
  const [sizes] = await db.query<{ heap: string; toast: string; total: string }>(
    `select pg_table_size(c.oid) - coalesce(pg_total_relation_size(nullif(c.reltoastrelid, 0)), 0) as heap,
            coalesce(pg_total_relation_size(nullif(c.reltoastrelid, 0)), 0) as toast,
            pg_total_relation_size(c.oid) as total
       from pg_class c where c.oid = $1::regclass`,
    [table],
  );
  const indexes = await db.query<{ name: string; bytes: string }>(
    `select c.relname as name, pg_relation_size(c.oid) as bytes
       from pg_index i join pg_class c on c.oid = i.indexrelid
      where i.indrelid = $1::regclass order by c.relname`,
    [table],
  );
  const rows = countRows ? Number((await db.query<{ n: string }>(`select count(*) as n from ${table}`))[0]!.n) : 0;
  const widths = await db.query<{ column: string; bytes: number }>(
    `select s.attname as column, s.avg_width as bytes
       from pg_stats s join pg_attribute a on a.attname = s.attname and a.attrelid = $1::regclass
      where s.schemaname = current_schema() and s.tablename = $2 order by a.attnum`,
    [table, table],
  );
  const total = Number(sizes!.total);
  return {
    rows,
    heap: Number(sizes!.heap),
    toast: Number(sizes!.toast),
    indexes: indexes.map((i) => ({ name: i.name, bytes: Number(i.bytes) })),
    total,
    bytesPerRow: rows > 0 ? total / rows : 0,
    columnWidths: widths.length > 0 ? widths.map((w) => ({ column: w.column, bytes: Number(w.bytes) })) : null,
  };
}

/** Every table in the current schema with its total size (heap, indexes, TOAST), largest first. */
export async function schemaTables(db: Queryable): Promise<{ table: string; bytes: number }[]> {
  const rows = await db.query<{ table: string; bytes: string }>(
    `select c.relname as table, pg_total_relation_size(c.oid) as bytes from pg_class c
      where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'm', 'p')
      order by 2 desc, 1`,
  );
  return rows.map((r) => ({ table: r.table, bytes: Number(r.bytes) }));
}

/** Bytes of the files under `path` (like `du --apparent-size`, symlinks not followed). */
export function dirBytes(path: string): number {
  let total = 0;
  for (const name of readdirSync(path)) {
    const p = join(path, name);
    const s = lstatSync(p);
    total += s.isDirectory() ? dirBytes(p) : s.size;
  }
  return total;
}

/** Bytes per PGlite data directory part: base (tables), pg_wal, everything else. */
export function pgliteDirBytes(dataDir: string): { total: number; base: number; wal: number } {
  const part = (p: string) => {
    try {
      return dirBytes(join(dataDir, p));
    } catch {
      return 0;
    }
  };
  return { total: dirBytes(dataDir), base: part('base'), wal: part('pg_wal') };
}

const mb = (b: number) => (b / 1e6).toFixed(1);

export function describe(t: TableBytes, label = 'incidents'): string {
  const lines = [
    `${label}: ${t.rows} rows, ${mb(t.total)} MB in all = ${t.bytesPerRow.toFixed(0)} bytes per row (= MB per million rows)`,
    `  heap ${mb(t.heap)} MB (${t.rows ? (t.heap / t.rows).toFixed(0) : '-'} B/row), toast ${mb(t.toast)} MB`,
    ...t.indexes.map(
      (i) => `  index ${i.name}: ${mb(i.bytes)} MB (${t.rows ? (i.bytes / t.rows).toFixed(0) : '-'} B/row)`,
    ),
  ];
  if (t.columnWidths)
    lines.push(
      `  average column widths (pg_stats, bytes): ${t.columnWidths.map((c) => `${c.column} ${c.bytes}`).join(', ')}; ` +
        `sum ${t.columnWidths.reduce((a, c) => a + c.bytes, 0)} + ~24 tuple header + 4 line pointer`,
    );
  return lines.join('\n');
}

export function describeSchema(tables: { table: string; bytes: number }[], minBytes = 1e6): string {
  const total = tables.reduce((a, t) => a + t.bytes, 0);
  const big = tables.filter((t) => t.bytes >= minBytes);
  return `all tables in the schema: ${mb(total)} MB (${big.map((t) => `${t.table} ${mb(t.bytes)}`).join(', ')}${big.length < tables.length ? `, ${tables.length - big.length} smaller` : ''})`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const pgliteDir = flag('--pglite');
  if (pgliteDir) {
    const { openPglite } = await import('../../server/db/pglite.js');
    const db = await openPglite(pgliteDir);
    console.log(describe(await tableBytes(db)));
    console.log(describeSchema(await schemaTables(db)));
    await db.close();
    const d = pgliteDirBytes(pgliteDir);
    console.log(
      `PGlite data directory ${pgliteDir}: ${mb(d.total)} MB (base ${mb(d.base)} MB, pg_wal ${mb(d.wal)} MB)`,
    );
  } else if (process.env.DATABASE_URL) {
    const { openPostgres } = await import('../../server/db/postgres.js');
    const db = await openPostgres(process.env.DATABASE_URL, flag('--schema'));
    console.log(describe(await tableBytes(db)));
    console.log(describeSchema(await schemaTables(db)));
    await db.close();
  } else {
    console.error('usage: DATABASE_URL=... disk.ts [--schema S]  |  disk.ts --pglite DIR');
    process.exit(2);
  }
}
