/**
 * One import of a folder into a fresh PostgreSQL schema, for profiling the import by hand:
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node --cpu-prof --cpu-prof-dir=/tmp/prof \
 *     --import tsx scripts/bench/profile-import.ts [folder]      (default: real Gwent, 36 months)
 *
 * Prints rows accepted and seconds; KEEP=1 keeps the schema (SCHEMA names it) for EXPLAIN work.
 */
import { openDatabase } from '../../server/db/index.js';
import { importDataset } from '../../server/ingest/import.js';
import { expandInputs } from '../../server/ingest/sources.js';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('set DATABASE_URL');
const schema = process.env.SCHEMA ?? `profile_${process.pid}`;
const { db } = await openDatabase({ url, schema });
const files = await expandInputs([process.argv[2] ?? '../shared/data/police-uk/gwent']);
const started = performance.now();
const report = await importDataset(db, { kind: 'police-uk', name: 'profile', files });
console.log(`${report.rowsAccepted} rows accepted in ${((performance.now() - started) / 1000).toFixed(1)} s`);
if (!process.env.KEEP) await db.query(`drop schema ${schema} cascade`);
await db.close();
