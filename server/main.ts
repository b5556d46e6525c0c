import { serve } from '@hono/node-server';
import { existsSync } from 'node:fs';
import { createApp } from './app.js';
import { readConfig } from './config.js';
import { openDatabase } from './db/index.js';
import { log } from './log.js';
import { makeProgressPrinter, progressLine } from './progress.js';
import { loadGeodataOnce } from './geodata-load.js';
import { adoptUnownedSample, loadSampleOnce, sampleOwnerScope } from './sample.js';
import { firstAdminLink } from './auth/first-admin.js';
import { sweepUploads } from './http/upload.js';
import { warmLocationNames } from './services/location-names.js';

const config = readConfig();
// Upload folders a killed server left behind hold raw uploaded rows: remove them first.
const swept = await sweepUploads();
if (swept.length) log.info('removed upload folders left by a stopped server', { folders: swept.length });
const { db, schemaVersion } = await openDatabase({
  url: config.databaseUrl,
  schema: config.databaseSchema,
  dataDir: config.dataDir,
});
console.log(
  `hotspot: ${db.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `embedded database in ${config.dataDir}`}, schema version ${schemaVersion}`,
);

const geodataStarted = performance.now();
const geodataLoaded = await loadGeodataOnce(db, (step) => console.log(`Geography: ${step}...`));
if (geodataLoaded) console.log(`Geography loaded in ${((performance.now() - geodataStarted) / 1000).toFixed(1)} s.`);

if (config.loadSample) {
  const bar = makeProgressPrinter();
  let announced = false;
  const loaded = await loadSampleOnce(db, (p) => {
    if (!announced) {
      console.log(
        'First start: loading the bundled sample (real data.police.uk data for Gwent, South Wales, Avon and Somerset, plus synthetic ED and local police data). This takes a minute, once.',
      );
      announced = true;
    }
    bar.update(
      progressLine(
        `  ${p.datasetIndex + 1}/${p.datasetCount} ${p.dataset}`,
        p.fileIndex + 1,
        p.fileCount,
        `files, ${p.rowsAccepted.toLocaleString('en-GB')} rows`,
      ),
    );
  });
  bar.done();
  if (loaded) console.log('Bundled sample loaded.');
  const adopted = await adoptUnownedSample(db);
  if (adopted) console.log(`Gave ${adopted} restricted sample dataset(s) from an older version their owner.`);
}

if (!existsSync(config.staticRoot))
  log.warn('client not built; run `npm run build`', { staticRoot: config.staticRoot });
const app = createApp(db, {
  staticRoot: config.staticRoot,
  auth: { trustProxy: config.trustProxy, dailyRestrictedQueries: config.dailyRestrictedQueries },
});
const ownerScope = await sampleOwnerScope(db);
const adminLink = await firstAdminLink(db, config.adminEmail, ownerScope ? [ownerScope] : []);
// Location names index ~140,000 postcodes and the towns: built before the first request needs them.
await warmLocationNames();
const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
  console.log(`hotspot is serving on http://localhost:${info.port}`);
  if (adminLink) {
    console.log(
      `\nNo one has set a password yet. Sign in as ${adminLink.email} (admin) with this one-time link, then choose a password:`,
    );
    console.log(`    http://localhost:${info.port}${adminLink.path}\n`);
  }
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    void db.close().finally(() => process.exit(0));
  });
}
