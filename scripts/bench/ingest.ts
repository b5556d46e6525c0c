/**
 * Ingest throughput: imports police.uk files into a fresh database and prints rows/s and peak
 * RSS, for PGlite and (when DATABASE_URL is set) PostgreSQL. Each run is a child process so peak
 * RSS is that run's alone.
 *
 *   npx tsx scripts/bench/ingest.ts [folder]          (default ../shared/data/police-uk/gwent)
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx scripts/bench/ingest.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../server/db/index.js';
import { importDataset } from '../../server/ingest/import.js';
import { expandInputs } from '../../server/ingest/sources.js';

const folder = process.argv[2] ?? fileURLToPath(new URL('../../../shared/data/police-uk/gwent', import.meta.url));

if (process.env.BENCH_CHILD) {
  const backend = process.env.BENCH_CHILD;
  const schema = `bench_${process.pid}`;
  const dataDir = backend === 'pglite' ? mkdtempSync(join(tmpdir(), 'hotspot-bench-')) : undefined;
  const { db } = await openDatabase(backend === 'pglite' ? { dataDir } : { url: process.env.DATABASE_URL, schema });
  const started = performance.now();
  const report = await importDataset(db, { kind: 'police-uk', name: 'bench', files: await expandInputs([folder]) });
  const seconds = (performance.now() - started) / 1000;
  if (backend === 'postgres') await db.query(`drop schema ${schema} cascade`);
  await db.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  console.log(
    JSON.stringify({
      backend,
      rowsRead: report.rowsRead,
      rowsAccepted: report.rowsAccepted,
      seconds,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    }),
  );
} else {
  const backends = ['pglite', ...(process.env.DATABASE_URL ? ['postgres'] : [])];
  console.log(`ingest benchmark: ${folder}`);
  console.log('backend   rows read  rows stored  seconds  rows/s   peak RSS (MB)');
  for (const backend of backends) {
    const run = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), folder], {
      env: { ...process.env, BENCH_CHILD: backend },
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`${backend} run failed: ${run.stderr}`);
    const r = JSON.parse(run.stdout.trim().split('\n').pop()!);
    console.log(
      `${backend.padEnd(9)} ${String(r.rowsRead).padStart(9)}  ${String(r.rowsAccepted).padStart(11)}  ${r.seconds.toFixed(1).padStart(7)}  ${String(Math.round(r.rowsRead / r.seconds)).padStart(6)}   ${r.peakRssMb.toFixed(0).padStart(6)}`,
    );
  }
}
