/**
 * Bulk load from the command line, into the same database the server uses
 * (DATABASE_URL, else the embedded database in ./data or HOTSPOT_DATA_DIR).
 *
 *   npm run ingest -- --kind police-uk --name "Gwent" ../downloads/2024-*.zip
 *   npm run ingest -- --kind incidents --mapping istv-ed --name "ED assaults" --threshold 5 ed.csv
 *   npm run ingest -- --kind incidents --mapping local-police --name "Extract" --basis s16 --owner partnership:3 extract.csv
 *   (--mapping takes a preset name or a path to a mapping JSON file; restricted data needs --owner,
 *   the partnership or PCC that holds it, and --basis s16|s17|dsa; for public data --owner names
 *   the partnership whose analysts manage it, and without it only admins may)
 */
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { readConfig } from '../server/config.js';
import { appendAudit } from '../server/db/audit.js';
import type { Basis } from '../server/db/datasets.js';
import { openDatabase } from '../server/db/index.js';
import { ImportError } from '../server/ingest/errors.js';
import { importDataset } from '../server/ingest/import.js';
import { MAPPING_PRESETS, resolveMapping } from '../server/ingest/mapping.js';
import { expandInputs } from '../server/ingest/sources.js';
import { makeProgressPrinter, progressLine } from '../server/progress.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    kind: { type: 'string' },
    name: { type: 'string' },
    mapping: { type: 'string' },
    sensitivity: { type: 'string' },
    threshold: { type: 'string' },
    supplier: { type: 'string' },
    'legal-basis': { type: 'string' },
    basis: { type: 'string' },
    owner: { type: 'string' },
  },
});

function usage(message: string): never {
  console.error(
    `${message}\nusage: npm run ingest -- --kind police-uk|incidents --name NAME [--mapping ${Object.keys(MAPPING_PRESETS).join('|')}|mapping.json] [--sensitivity public|restricted] [--threshold K] [--basis s16|s17|dsa] [--owner partnership:ID|pcc:CODE] FILES_OR_FOLDERS...`,
  );
  process.exit(2);
}

if (values.kind !== 'police-uk' && values.kind !== 'incidents') usage('--kind must be police-uk or incidents');
if (!values.name) usage('--name is required');
if (positionals.length === 0) usage('give at least one file or folder');
if (values.sensitivity && values.sensitivity !== 'public' && values.sensitivity !== 'restricted')
  usage('--sensitivity must be public or restricted');
if (values.basis && !['public', 's16', 's17', 'dsa'].includes(values.basis))
  usage('--basis must be public, s16, s17 or dsa');
if (values.owner && !/^(partnership:\d+|pcc:[EW]\d{8})$/.test(values.owner))
  usage('--owner must be partnership:ID or pcc:FORCE_AREA_CODE');
const restricted = (values.sensitivity ?? (values.kind === 'police-uk' ? 'public' : 'restricted')) === 'restricted';
if (restricted && !values.owner) usage('restricted data needs --owner (the partnership or PCC that holds it)');

const mapping = values.mapping
  ? resolveMapping(
      values.mapping in MAPPING_PRESETS ? values.mapping : JSON.parse(await readFile(values.mapping, 'utf8')),
    )
  : undefined;

const config = readConfig();
const { db } = await openDatabase({ url: config.databaseUrl, schema: config.databaseSchema, dataDir: config.dataDir });
const bar = makeProgressPrinter(process.stderr);
const started = performance.now();
try {
  const files = await expandInputs(positionals);
  const report = await importDataset(
    db,
    {
      kind: values.kind,
      name: values.name,
      mapping,
      sensitivity: values.sensitivity as 'public' | 'restricted' | undefined,
      threshold: values.threshold === undefined ? undefined : Number(values.threshold),
      supplier: values.supplier,
      legalBasis: values['legal-basis'],
      basis: values.basis as Basis | undefined,
      ownerScope: values.owner ?? null,
      files,
    },
    (p) =>
      bar.update(
        progressLine(
          'importing',
          p.fileIndex + 1,
          p.fileCount,
          `files, ${p.rowsAccepted.toLocaleString('en-GB')} rows, ${p.file}`,
        ),
      ),
  );
  bar.done();
  await appendAudit(db, {
    userId: null,
    userEmail: `cli:${userInfo().username}`,
    action: 'dataset.import',
    outcome: 'ok',
    ip: null,
    target: `dataset:${report.datasetId}`,
    datasets: [{ id: report.datasetId, name: values.name }],
    selection: null,
    summary: {
      files: report.files.map((f) => f.name),
      rowsAccepted: report.rowsAccepted,
      rowsRejected: report.rowsRejected,
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const { rejections, ...summary } = report;
  console.log(JSON.stringify(summary, null, 2));
  if (rejections.length > 0) {
    console.log(`first rejections (${report.rejectionsListed} listed of ${report.rowsRejected}):`);
    for (const r of rejections.slice(0, 20)) console.log(`  ${r.file} line ${r.line}: ${r.reason}`);
  }
  console.log(
    `imported ${report.rowsAccepted} rows in ${seconds.toFixed(1)} s (${Math.round(report.rowsRead / seconds)} rows/s read)`,
  );
} catch (error) {
  bar.done();
  if (error instanceof ImportError) {
    console.error(`import refused, nothing stored: ${error.message}`);
    process.exitCode = 1;
  } else throw error;
} finally {
  await db.close();
}
