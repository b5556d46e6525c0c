/**
 * Ingest at national scale: the app's real import against the COPY floor, on the same kind of
 * database in the same run, plus the disk the stored incidents take.
 *
 *   npx tsx scripts/bench/ingest-national.ts [folder ...]   (default ../shared/data/police-uk/gwent)
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx scripts/bench/ingest-national.ts /tmp/national
 *
 * Options: --backends pglite,postgres (default: pglite, and postgres when DATABASE_URL is set),
 * --no-floor, --no-parse. Synthetic national data: scripts/synth/national/generate.ts.
 *
 * Each measurement is its own child process, so peak RSS (getrusage maxRSS) is that run's
 * alone. PGlite runs inside the Node process, so its RSS includes the database; PostgreSQL's
 * server memory is not in it (the server backend's VmHWM is shown separately when /proc shows it).
 *
 * Runs, per database kind:
 * - app:   importDataset (server/ingest/import.ts) of every CSV into a new database (PGlite: one
 *          made beforehand in another process, see preparedPgliteDir), timed
 *          end to end (transaction, COPY batches, ANALYZE). The Db is wrapped so the time
 *          inside COPY, inside other statements (the police.uk month replacement deletes),
 *          the commit and the ANALYZE are known; the rest is JavaScript (read, parse, place,
 *          build and stringify the batch).
 * - floor: a bare COPY of the same files, raw columns as text, into a table with no index, no
 *          constraint and no default, in one transaction: what the database needs just to take
 *          the bytes. PostgreSQL: each file streamed through pg-copy-streams. PGlite: each file
 *          cut at record boundaries into ~16 MB pieces, each COPY FROM '/dev/blob', so memory
 *          stays bounded whatever the file size.
 * - parse (once, no database): read + csv-parse + police.uk parse + Locator.place of every
 *          row, i.e. the JavaScript floor of the app's import.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { openDatabase, type Db, type Tx } from '../../server/db/index.js';
import { readCsv } from '../../server/ingest/csv-reader.js';
import { importDataset } from '../../server/ingest/import.js';
import { Locator } from '../../server/ingest/locate.js';
import { policeUkParser } from '../../server/ingest/police-uk.js';
import { expandInputs, type SourceFile } from '../../server/ingest/sources.js';
import { describe, describeSchema, pgliteDirBytes, schemaTables, tableBytes, type TableBytes } from './disk.js';

type Backend = 'pglite' | 'postgres';
type Mode = 'app' | 'floor' | 'parse' | 'prepare';

interface Result {
  backend: Backend | 'none';
  mode: Mode;
  rowsRead: number;
  rowsStored: number;
  seconds: number;
  peakRssMb: number;
  /** Seconds by phase (app: copy, statements, commit, analyze, js; parse: locate, read+parse). */
  phases?: Record<string, number>;
  copyCalls?: number;
  /** The statements (other than COPY) that took longest in the import transaction. */
  statements?: { sql: string; calls: number; seconds: number }[];
  copyMb?: number;
  rejected?: Record<string, number>;
  outsideForce?: number;
  table?: TableBytes;
  /** Every table of the schema after the import (the import may fill more than incidents). */
  schema?: { table: string; bytes: number }[];
  /** Peaks of process.memoryUsage() sampled every 250 ms, MB. */
  memory?: Record<string, number>;
  pgliteDir?: { before: number; after: number; base: number; wal: number };
  serverPeakMb?: number | null;
  files?: number;
  largestFileRows?: number;
}

const now = () => performance.now() / 1000;

/** Samples process.memoryUsage() until stopped; returns the peak of each figure in MB. */
function sampleMemory(): () => Record<string, number> {
  const peak: Record<string, number> = {};
  const sample = () => {
    for (const [k, v] of Object.entries(process.memoryUsage())) peak[k] = Math.max(peak[k] ?? 0, v / 1024 / 1024);
  };
  const timer = setInterval(sample, 250);
  timer.unref();
  return () => {
    clearInterval(timer);
    sample();
    return peak;
  };
}
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

/** The PostgreSQL backend's peak RSS (VmHWM; includes shared buffers it touched), if visible. */
function backendPeakMb(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

interface Tally {
  copyCalls: number;
  copyBytes: number;
  backendPid: number | null;
  statements: Record<string, { calls: number; seconds: number }>;
}

/** Wraps a Db so the time spent in the database during an import is known. */
function instrument(db: Db, t: Record<string, number>, tally: Tally): Db {
  const add = (k: string, s: number) => (t[k] = (t[k] ?? 0) + now() - s);
  const addStatement = (sql: string, s: number) => {
    const key = sql.replace(/\s+/g, ' ').trim().slice(0, 60);
    const e = (tally.statements[key] ??= { calls: 0, seconds: 0 });
    e.calls++;
    e.seconds += now() - s;
  };
  return {
    kind: db.kind,
    async query<T>(sql: string, params?: unknown[]) {
      const s = now();
      try {
        return await db.query<T>(sql, params);
      } finally {
        add(/^\s*analyze/i.test(sql) ? 'analyze' : 'other', s);
      }
    },
    async transaction<T>(fn: (tx: Tx) => Promise<T>) {
      let bodyEnd = 0;
      const result = await db.transaction(async (tx) => {
        if (db.kind === 'postgres')
          tally.backendPid = (await tx.query<{ pid: number }>('select pg_backend_pid() as pid'))[0]!.pid;
        const out = await fn({
          async query<R>(sql: string, params?: unknown[]) {
            const s = now();
            try {
              return await tx.query<R>(sql, params);
            } finally {
              addStatement(sql, s);
              add(/delete from incidents/i.test(sql) ? 'delete' : 'statements', s);
            }
          },
          async copyCsv(table, columns, csv) {
            tally.copyCalls++;
            tally.copyBytes += typeof csv === 'string' ? Buffer.byteLength(csv) : csv.byteLength;
            const s = now();
            await tx.copyCsv(table, columns, csv);
            add('copy', s);
          },
        });
        bodyEnd = now();
        return out;
      });
      add('commit', bodyEnd);
      return result;
    },
    close: () => db.close(),
  };
}

async function runApp(backend: Backend, files: SourceFile[]): Promise<Result> {
  const schema = `bench_${process.pid}`;
  // PGlite: the database the parent had made in another process (see preparedPgliteDir).
  const dataDir = backend === 'pglite' ? preparedPgliteDir() : undefined;
  const { db } = await openDatabase(backend === 'pglite' ? { dataDir } : { url: process.env.DATABASE_URL, schema });
  try {
    const before = dataDir ? pgliteDirBytes(dataDir).total : 0;
    const phases: Record<string, number> = {};
    const tally: Tally = { copyCalls: 0, copyBytes: 0, backendPid: null, statements: {} };
    const started = now();
    const report = await importDataset(instrument(db, phases, tally), { kind: 'police-uk', name: 'bench', files });
    const seconds = now() - started;
    phases.js = seconds - Object.values(phases).reduce((a, b) => a + b, 0);
    const rssAfterImport = peakRssMb();
    const table = await tableBytes(db, 'incidents');
    const schemaSizes = await schemaTables(db);
    const serverPeakMb = tally.backendPid ? backendPeakMb(tally.backendPid) : null;
    await db.close();
    const dir = dataDir ? pgliteDirBytes(dataDir) : undefined;
    return {
      backend,
      mode: 'app',
      rowsRead: report.rowsRead,
      rowsStored: report.rowsAccepted,
      seconds,
      peakRssMb: rssAfterImport,
      phases,
      copyCalls: tally.copyCalls,
      statements: Object.entries(tally.statements)
        .sort((a, b) => b[1].seconds - a[1].seconds)
        .slice(0, 4)
        .map(([sql, e]) => ({ sql, ...e })),
      copyMb: tally.copyBytes / 1e6,
      rejected: report.rejectionCounts,
      outsideForce: report.outsideForce.total,
      table,
      schema: schemaSizes,
      pgliteDir: dir && { before, after: dir.total, base: dir.base, wal: dir.wal },
      serverPeakMb,
      files: report.files.length,
      largestFileRows: Math.max(...report.files.map((f) => f.rowsRead)),
    };
  } finally {
    if (backend === 'postgres') {
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query(`drop schema if exists ${schema} cascade`);
      await admin.end();
    }
  }
}

const FLOOR_TABLE = `create table floor_raw (
  crime_id text, month text, reported_by text, falls_within text, longitude text, latitude text,
  location text, lsoa_code text, lsoa_name text, crime_type text, last_outcome text, context text)`;

/** Index just past the first (or, with `last`, the last) newline outside quotes at or after `from`; -1 if none. */
function recordEnd(buf: Buffer, from: number, last: boolean): number {
  let quoted = false; // `from` is always a record start
  let end = -1;
  for (let i = from; i < buf.length; i++) {
    const c = buf[i];
    if (c === 0x22) quoted = !quoted;
    else if (c === 0x0a && !quoted) {
      end = i + 1;
      if (!last) return end;
    }
  }
  return end;
}

/**
 * A file's records, without the header line, in pieces of about `pieceBytes` cut only at
 * record ends, so a file of any size is loaded in bounded memory.
 */
async function* csvPieces(file: SourceFile, pieceBytes = 16 * 1024 * 1024): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let headerDone = false;
  const take = (final: boolean): Buffer | null => {
    const buf = Buffer.concat(pending);
    let start = 0;
    if (!headerDone) {
      const h = recordEnd(buf, 0, false);
      if (h < 0) {
        pending = final ? [] : [buf];
        return null;
      }
      start = h;
      headerDone = true;
    }
    const end = final ? buf.length : recordEnd(buf, start, true);
    const cutAt = Math.max(end, start);
    pending = cutAt < buf.length ? [Buffer.from(buf.subarray(cutAt))] : [];
    pendingBytes = pending[0]?.length ?? 0;
    return end > start ? buf.subarray(start, end) : null;
  };
  for await (const chunk of await file.open()) {
    pending.push(chunk as Buffer);
    pendingBytes += (chunk as Buffer).length;
    if (pendingBytes < pieceBytes) continue;
    const piece = take(false);
    if (piece) yield piece;
  }
  const piece = take(true);
  if (piece) yield piece;
}

async function runFloor(backend: Backend, files: SourceFile[]): Promise<Result> {
  let rows = 0;
  let seconds = 0;
  let table: TableBytes;
  let serverPeakMb: number | null = null;
  let pgliteDir: Result['pgliteDir'];
  if (backend === 'postgres') {
    const schema = `bench_floor_${process.pid}`;
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query(`create schema ${schema}`);
      await client.query(`set search_path = ${schema}`);
      await client.query(FLOOR_TABLE);
      const started = now();
      await client.query('begin');
      for (const file of files) {
        const copy = client.query(copyFrom('COPY floor_raw FROM STDIN WITH (FORMAT csv, HEADER true)'));
        await pipeline(await file.open(), copy);
        rows += copy.rowCount;
      }
      await client.query('commit');
      seconds = now() - started;
      await client.query('analyze floor_raw');
      const queryable = {
        query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
      };
      table = await tableBytes(queryable, 'floor_raw', false);
      const pid = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
      serverPeakMb = backendPeakMb(pid);
    } finally {
      await client.query('rollback').catch(() => undefined);
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    }
  } else {
    const dataDir = preparedPgliteDir();
    const db = await PGlite.create(dataDir);
    await db.exec(FLOOR_TABLE);
    const before = pgliteDirBytes(dataDir).total;
    const started = now();
    await db.transaction(async (tx) => {
      for (const file of files) {
        for await (const piece of csvPieces(file)) {
          const r = await tx.query("COPY floor_raw FROM '/dev/blob' WITH (FORMAT csv)", [], {
            blob: new Blob([piece as Uint8Array<ArrayBuffer>]),
          });
          rows += r.affectedRows ?? 0;
        }
      }
    });
    seconds = now() - started;
    await db.exec('analyze floor_raw');
    const queryable = { query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows };
    table = await tableBytes(queryable, 'floor_raw', false);
    await db.close();
    const dir = pgliteDirBytes(dataDir);
    pgliteDir = { before, after: dir.total, base: dir.base, wal: dir.wal };
  }
  table.rows = rows;
  table.bytesPerRow = rows ? table.total / rows : 0;
  return {
    backend,
    mode: 'floor',
    rowsRead: rows,
    rowsStored: rows,
    seconds,
    peakRssMb: peakRssMb(),
    table,
    serverPeakMb,
    pgliteDir,
  };
}

async function runParse(files: SourceFile[]): Promise<Result> {
  const parser = policeUkParser();
  const locator = new Locator();
  let rowsRead = 0;
  let placed = 0;
  let locate = 0;
  const started = now();
  for (const file of files) {
    const records = readCsv(await file.open(), file.name);
    const first = await records.next();
    if (!first.done) parser.checkHeader(first.value.values, file.name);
    for await (const { values } of records) {
      rowsRead++;
      const r = parser.parse(values);
      if (!r.ok) continue;
      const s = performance.now();
      const place = locator.place(r.incident.lng, r.incident.lat);
      locate += performance.now() - s;
      if (place) placed++;
    }
  }
  const seconds = now() - started;
  return {
    backend: 'none',
    mode: 'parse',
    rowsRead,
    rowsStored: placed,
    seconds,
    peakRssMb: peakRssMb(),
    phases: { locate: locate / 1000, 'read+parse': seconds - locate / 1000 },
  };
}

/**
 * The PGlite data directory a measured run imports into. Creating a PGlite database (its initdb)
 * grows the creating process's WebAssembly memory to about 660 MB, so a run that also created
 * its database would mostly measure that. The parent has it made in another process first
 * (mode 'prepare', openDatabase as the server does, twice, so that its settings apply), as a
 * user's `npm run ingest` finds the database the first `npm start` made.
 */
function preparedPgliteDir(): string {
  const dir = process.env.BENCH_PGLITE_DIR;
  if (!dir) throw new Error('a PGlite run needs BENCH_PGLITE_DIR (the parent prepares it)');
  return dir;
}

async function prepare(): Promise<void> {
  for (let i = 0; i < 2; i++) await (await openDatabase({ dataDir: preparedPgliteDir() })).db.close();
}

// ------------------------------------------------------------------------------------------

const args = process.argv.slice(2);
/**
 * Node's flags in package.json's ingest script (the heap cap), so every run measures what
 * `npm run ingest` does; `--no-cap` runs without them.
 */
const INGEST_NODE_FLAGS = args.includes('--no-cap')
  ? []
  : (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).scripts.ingest as string)
      .split(/\s+/)
      .filter((word) => word.startsWith('--max-'));
const flags = new Set(args.filter((a) => a.startsWith('--')));
const backendsArg = args.find((_a, i) => args[i - 1] === '--backends');
const inputs = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--backends');
if (inputs.length === 0) inputs.push(fileURLToPath(new URL('../../../shared/data/police-uk/gwent', import.meta.url)));

if (process.env.BENCH_NATIONAL_CHILD) {
  const { backend, mode } = JSON.parse(process.env.BENCH_NATIONAL_CHILD) as { backend: Backend | 'none'; mode: Mode };
  const files = await expandInputs(inputs);
  const stopSampling = sampleMemory();
  if (mode === 'prepare') {
    await prepare();
    console.log('{}');
  } else {
    const result =
      mode === 'parse'
        ? await runParse(files)
        : mode === 'app'
          ? await runApp(backend as Backend, files)
          : await runFloor(backend as Backend, files);
    result.memory = stopSampling();
    console.log(JSON.stringify(result));
  }
} else {
  const backends = (backendsArg?.split(',') ?? [
    'pglite',
    ...(process.env.DATABASE_URL ? ['postgres'] : []),
  ]) as Backend[];
  if (backends.includes('postgres') && !process.env.DATABASE_URL) throw new Error('postgres needs DATABASE_URL');
  const runs: { backend: Backend | 'none'; mode: Mode }[] = [];
  if (!flags.has('--no-parse')) runs.push({ backend: 'none', mode: 'parse' });
  for (const backend of backends) {
    runs.push({ backend, mode: 'app' });
    if (!flags.has('--no-floor')) runs.push({ backend, mode: 'floor' });
  }
  const files = await expandInputs(inputs);
  console.log(
    `national ingest benchmark: ${inputs.join(', ')} (${files.length} files; Node flags: ${INGEST_NODE_FLAGS.join(' ') || 'none'}; 1-minute load average is shown: other work on the machine slows every run)`,
  );
  const results: Result[] = [];
  const child = (run: { backend: Backend | 'none'; mode: Mode }, pgliteDir: string | undefined) => {
    const spawned = spawnSync(
      process.execPath,
      [...INGEST_NODE_FLAGS, '--import', 'tsx', fileURLToPath(import.meta.url), ...args],
      {
        env: {
          ...process.env,
          BENCH_NATIONAL_CHILD: JSON.stringify(run),
          ...(pgliteDir ? { BENCH_PGLITE_DIR: pgliteDir } : {}),
        },
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    if (spawned.status !== 0) throw new Error(`${run.backend} ${run.mode} failed: ${spawned.stderr}`);
    return JSON.parse(spawned.stdout.trim().split('\n').pop()!) as Result;
  };
  for (const run of runs) {
    const pgliteDir = run.backend === 'pglite' ? mkdtempSync(join(tmpdir(), `hotspot-bench-${run.mode}-`)) : undefined;
    if (pgliteDir) child({ backend: 'pglite', mode: 'prepare' }, pgliteDir);
    const load = loadavg()[0]!.toFixed(1);
    let r: Result;
    try {
      r = child(run, pgliteDir);
    } finally {
      if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
    }
    results.push(r);
    console.log(
      `  ${run.backend} ${run.mode}: ${r.rowsRead} rows in ${r.seconds.toFixed(1)} s, peak RSS ${r.peakRssMb.toFixed(0)} MB (load average before ${load}, after ${loadavg()[0]!.toFixed(1)})`,
    );
  }

  const f1 = (x: number) => x.toFixed(1);
  console.log('');
  console.log(
    'database  run    rows read  rows stored  seconds   rows/s  peak RSS MB  MB/M incidents  MB/M all tables  app/floor',
  );
  for (const r of results) {
    const floor = results.find((x) => x.backend === r.backend && x.mode === 'floor');
    const ratio =
      r.mode === 'app' && floor ? (r.rowsRead / r.seconds / (floor.rowsRead / floor.seconds)).toFixed(2) : '';
    const perM = r.table ? f1(r.table.total / r.table.rows) : '';
    const allPerM = r.schema ? f1(r.schema.reduce((a, t) => a + t.bytes, 0) / r.rowsStored) : '';
    console.log(
      `${r.backend.padEnd(9)} ${r.mode.padEnd(5)} ${String(r.rowsRead).padStart(10)}  ${String(r.rowsStored).padStart(11)}  ${f1(r.seconds).padStart(7)}  ${String(Math.round(r.rowsRead / r.seconds)).padStart(7)}  ${r.peakRssMb.toFixed(0).padStart(11)}  ${perM.padStart(14)}  ${allPerM.padStart(15)}  ${ratio.padStart(9)}`,
    );
  }
  console.log(
    '(rows/s = rows read per second; MB/M = bytes per stored row = MB per million incidents, MB = 10^6 bytes: "incidents" is that table with its' +
      ' indexes (the floor: its raw table), "all tables" every table of the schema (cell_counts too); app/floor = app rows/s over floor rows/s)',
  );

  for (const r of results) {
    console.log('');
    console.log(`${r.backend} ${r.mode}:`);
    if (r.phases)
      console.log(
        `  time: ${Object.entries(r.phases)
          .map(([k, v]) => `${k} ${f1(v)} s (${Math.round((100 * v) / r.seconds)}%)`)
          .join(', ')}`,
      );
    if (r.copyCalls !== undefined)
      console.log(
        `  ${r.copyCalls} COPY batches, ${f1(r.copyMb!)} MB of CSV sent; ${r.files} files, largest ${r.largestFileRows} rows`,
      );
    if (r.statements?.length)
      console.log(
        `  slowest statements: ${r.statements.map((x) => `"${x.sql}" x${x.calls} ${f1(x.seconds)} s`).join('; ')}`,
      );
    if (r.rejected)
      console.log(`  rejected: ${JSON.stringify(r.rejected)}; accepted outside their force: ${r.outsideForce}`);
    if (r.memory)
      console.log(
        `  memory peaks (MB): ${Object.entries(r.memory)
          .map(([k, v]) => `${k} ${v.toFixed(0)}`)
          .join(', ')}`,
      );
    if (r.table) console.log(describe(r.table, r.mode === 'floor' ? 'floor_raw' : 'incidents').replace(/^/gm, '  '));
    if (r.schema) console.log(`  ${describeSchema(r.schema)}`);
    if (r.pgliteDir)
      console.log(
        `  PGlite data directory: ${f1(r.pgliteDir.before / 1e6)} MB before, ${f1(r.pgliteDir.after / 1e6)} MB after (base ${f1(r.pgliteDir.base / 1e6)} MB, pg_wal ${f1(r.pgliteDir.wal / 1e6)} MB); ` +
          `growth ${f1((r.pgliteDir.after - r.pgliteDir.before) / r.rowsStored)} B per stored row`,
      );
    if (r.serverPeakMb !== undefined && r.serverPeakMb !== null)
      console.log(
        `  PostgreSQL backend peak RSS (VmHWM, includes shared buffers touched): ${r.serverPeakMb.toFixed(0)} MB`,
      );
  }
}
