/**
 * Server time of the analysis routes for the Gwent force area at resolution 9 over 12 months of
 * real police.uk data (and the same for restricted daily data), and of the comparison and
 * cross-border routes for Gwent with South Wales, on PGlite or on PostgreSQL (DATABASE_URL).
 * Needs ../shared/data.
 *   npx tsx scripts/bench/hotspots.ts [runs]
 */
import { readdirSync } from 'node:fs';
import { createApp } from '../../server/app.js';
import { hashSecret, newSecret } from '../../server/auth/secret.js';
import { openDatabase } from '../../server/db/index.js';
import { findPartnershipByName } from '../../server/db/partnerships.js';
import { insertApiToken } from '../../server/db/sessions.js';
import { insertUser } from '../../server/db/users.js';
import { loadGeodataOnce } from '../../server/geodata-load.js';
import { importDataset } from '../../server/ingest/import.js';
import { resolveMapping } from '../../server/ingest/mapping.js';
import { expandInputs } from '../../server/ingest/sources.js';

const runs = Number(process.argv[2] ?? 20);
const shared = new URL('../../../shared/data/police-uk/gwent/', import.meta.url).pathname;
const months = readdirSync(shared).sort().filter((f) => f >= '2023-07' && f < '2024-07').map((f) => shared + f);
const { db } = await openDatabase({ url: process.env.DATABASE_URL, schema: process.env.HOTSPOT_DB_SCHEMA });
await loadGeodataOnce(db);
const gwent = `partnership:${await findPartnershipByName(db, 'Gwent force area')}`;
const pub = await importDataset(db, { kind: 'police-uk', name: `bench ${Date.now()}`, files: await expandInputs(months) });
const restricted = await importDataset(db, {
  kind: 'incidents', name: `bench restricted ${Date.now()}`, mapping: resolveMapping('local-police'), sensitivity: 'restricted', basis: 's16', ownerScope: gwent,
  files: await expandInputs([new URL('../../geodata/sample/restricted/local-police-gwent-south-wales.csv.gz', import.meta.url).pathname]),
});
const southWalesDir = new URL('../../../shared/data/police-uk/south-wales/', import.meta.url).pathname;
const southWales = await importDataset(db, { kind: 'police-uk', name: `bench south wales ${Date.now()}`, files: await expandInputs(readdirSync(southWalesDir).sort().map((f) => southWalesDir + f)) });
const ed = await importDataset(db, {
  kind: 'incidents', name: `bench ED ${Date.now()}`, mapping: resolveMapping('istv-ed'), sensitivity: 'restricted', basis: 's16', ownerScope: gwent,
  files: await expandInputs([new URL('../../geodata/sample/restricted/istv-ed-gwent-south-wales.csv.gz', import.meta.url).pathname]),
});
const userId = await db.transaction((tx) => insertUser(tx, { email: `bench${Date.now()}@example.org`, displayName: 'bench', role: 'analyst', scopes: [gwent] }));
const token = newSecret('hs_');
await insertApiToken(db, { userId, name: 'bench', tokenHash: hashSecret(token), prefix: 'hs_', expiresAt: null });
const app = createApp(db);

async function time(label: string, path: string) {
  const times: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const started = performance.now();
    const res = await app.request(path, { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { cells?: unknown[]; places?: unknown[]; priorities?: unknown[]; areas?: unknown[] };
    if (i >= 2) times.push(performance.now() - started); // two warm-up runs
    const [what, items] = body.cells ? ['cells', body.cells] : body.places ? ['places', body.places] : body.priorities ? ['priorities', body.priorities] : ['areas', body.areas ?? []];
    if (i === 0) label += ` (${items.length} ${what})`;
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(0);
  console.log(`${label.padEnd(70)} median ${at(0.5)} ms  p95 ${at(0.95)} ms`);
}

console.log(`${db.kind}, ${pub.rowsAccepted.toLocaleString('en-GB')} police.uk rows (12 months), ${restricted.rowsAccepted.toLocaleString('en-GB')} restricted rows, ${runs} runs each`);
const sel = `from=2023-07&to=2024-06&res=9&area=pfa:W15000002`;
await time('hotspots, police.uk, Gwent force area, r9, 12 months', `/api/hotspots?datasets=${pub.datasetId}&${sel}`);
await time('cells, police.uk, Gwent force area, r9, 12 months', `/api/cells?datasets=${pub.datasetId}&${sel}`);
await time('hotspots, restricted daily data, Gwent, r9, 12 months', `/api/hotspots?datasets=${restricted.datasetId}&${sel}`);
await time('hotspots, restricted, Gwent, r9, Fri-Sat 22:00-04:00', `/api/hotspots?datasets=${restricted.datasetId}&${sel}&weekdays=5,6&hours=22-4`);
await time('summary, police.uk, Gwent force area, r9, 12 months', `/api/areas/pfa:W15000002/summary?datasets=${pub.datasetId}&from=2023-07&to=2024-06&res=9`);
await time('summary, restricted daily data, Gwent force area, r9, 12 months', `/api/areas/pfa:W15000002/summary?datasets=${restricted.datasetId}&from=2023-07&to=2024-06&res=9`);
await time('density, police.uk, Gwent force area, r9, 12 months', `/api/density?datasets=${pub.datasetId}&${sel}`);
await time('proximity, police.uk, Gwent schools, 200 m, 12 months', `/api/proximity?datasets=${pub.datasetId}&from=2023-07&to=2024-06&area=pfa:W15000002&type=school`);
const gwentLads = 'lad:W06000018,lad:W06000019,lad:W06000020,lad:W06000021,lad:W06000022';
await time('compare, police.uk, five Gwent authorities, r9, 12 months', `/api/compare?datasets=${pub.datasetId}&from=2023-07&to=2024-06&res=9&areas=${gwentLads}`);
const both = `datasets=${pub.datasetId},${southWales.datasetId}&from=2024-01&to=2024-04`;
await time('compare, police.uk, Gwent and South Wales force areas, r9, 4 months', `/api/compare?${both}&res=9&areas=pfa:W15000002,pfa:W15000003`);
await time('cross-border, police.uk, Gwent and South Wales, r8, 4 months', `/api/cross-border?${both}&res=8&areas=pfa:W15000002,pfa:W15000003`);
await time('cross-border, police.uk, Gwent and South Wales, r9, 4 months', `/api/cross-border?${both}&res=9&areas=pfa:W15000002,pfa:W15000003`);
await time('triangulation, police.uk against ED, Gwent force area, r8, 12 months', `/api/triangulation?police=${pub.datasetId}&ed=${ed.datasetId}&from=2023-07&to=2024-06&res=8&area=pfa:W15000002`);
await time('triangulation, police.uk against ED, Gwent force area, r9, 12 months', `/api/triangulation?police=${pub.datasetId}&ed=${ed.datasetId}&from=2023-07&to=2024-06&res=9&area=pfa:W15000002`);
await db.close();
