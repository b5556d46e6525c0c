/**
 * Server time of the analysis routes (through the app: validation, access checks, SQL, statistics
 * and JSON), median and p95 of N runs after 2 warm-ups, with every result computed (the result
 * cache is off: HOTSPOT_RESULT_CACHE=off), on PGlite or on PostgreSQL (DATABASE_URL).
 *
 *   npx tsx scripts/bench/analysis.ts [runs=20] [national-folder | dataset:<id>]
 *
 * Data: 12 months of real Gwent police.uk (2023-07 to 2024-06), the synthetic restricted extract
 * and ED data, South Wales police.uk (2024-01 to 2024-04); with a folder of the synthetic
 * national year (scripts/synth/national/generate.ts), that too, for the whole of Wales over 12
 * months on a database holding a national year. Floor, in the same run: a bare count of the
 * selection's incidents in SQL (`select count(*) from incidents where <selection>`), the least
 * reading the rows an answer is made from costs; the ratio is route / floor.
 */
import { createApp } from '../../server/app.js';
import { importDataset } from '../../server/ingest/import.js';
import { expandInputs } from '../../server/ingest/sources.js';
import { expandGroups, OFFENCE_GROUPS } from '../../server/domain/offence-groups.js';
import { readdirSync } from 'node:fs';
import { benchFixture } from './fixture.js';

process.env.HOTSPOT_RESULT_CACHE = 'off';
const runs = Number(process.argv[2] ?? 20);
const nationalDir = process.argv[3];
const f = await benchFixture();
const { db } = f;
// `dataset:<id>` reuses a national dataset an earlier run left in the same database (its import takes minutes).
const reused = nationalDir?.startsWith('dataset:') ? Number(nationalDir.slice(8)) : null;
const importStarted = performance.now();
const national = reused
  ? {
      datasetId: reused,
      rowsAccepted: (
        await db.query<{ n: number }>('select rows_accepted as n from datasets where id = $1', [reused])
      )[0]!.n,
    }
  : nationalDir
    ? await importDataset(db, {
        kind: 'police-uk',
        name: `bench national ${Date.now()}`,
        files: await expandInputs(
          readdirSync(nationalDir)
            .filter((d) => /^\d{4}-\d{2}$/.test(d))
            .sort()
            .map((d) => `${nationalDir}/${d}`),
        ),
      })
    : null;
if (national && !reused) {
  const seconds = (performance.now() - importStarted) / 1000;
  console.log(
    `national import: ${national.rowsAccepted.toLocaleString('en-GB')} rows stored in ${seconds.toFixed(0)} s (${Math.round(national.rowsAccepted / seconds).toLocaleString('en-GB')} rows/s); reuse it with dataset:${national.datasetId}`,
  );
}
const app = createApp(db);
const ALL_GROUPS = expandGroups(OFFENCE_GROUPS.map((g) => g.id));

const quantile = (times: number[], q: number) =>
  [...times].sort((a, b) => a - b)[Math.min(times.length - 1, Math.floor(q * times.length))]!;

async function timeRuns(run: () => Promise<void>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const started = performance.now();
    await run();
    if (i >= 2) times.push(performance.now() - started); // two warm-up runs
  }
  return times;
}

/** The floor: a bare count of the incidents the selection covers (datasets, months, groups, area cover at r9). */
async function floorOf(datasets: number[], from: string, to: string, areaSql: string) {
  return timeRuns(async () => {
    await db.query(
      `select count(*) from incidents where dataset_id = any($1::int[]) and month between $2::date and $3::date and offence_group = any($4::text[]) and h3_r9 in (${areaSql})`,
      [datasets, `${from}-01`, `${to}-01`, ALL_GROUPS],
    );
  });
}

async function time(label: string, path: string, floor: number[] | null) {
  let items = '';
  const times = await timeRuns(async () => {
    const res = await app.request(path, { headers: { authorization: `Bearer ${f.token}` } });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as Record<string, unknown>;
    const list = ['cells', 'places', 'priorities', 'areas'].find((k) => Array.isArray(body[k]));
    items = list ? ` (${(body[list] as unknown[]).length} ${list})` : '';
  });
  const [median, p95] = [quantile(times, 0.5), quantile(times, 0.95)];
  const ratio = floor
    ? `  floor ${quantile(floor, 0.5).toFixed(0)} ms, x${(median / quantile(floor, 0.5)).toFixed(1)}`
    : '';
  console.log(
    `${(label + items).padEnd(96)} median ${median.toFixed(0).padStart(5)} ms  p95 ${p95.toFixed(0).padStart(5)} ms${ratio}`,
  );
}

const pfaCover = (code: string) => `select h3 from area_cells where res = 9 and in_cover and pfa_code = '${code}'`;
const walesCover = `select h3 from area_cells where res = 9 and in_cover and lad_code like 'W%'`;
console.log(
  `${db.kind}, ${f.pub.rowsAccepted.toLocaleString('en-GB')} Gwent police.uk rows (12 months)${national ? `, ${national.rowsAccepted.toLocaleString('en-GB')} synthetic national rows` : ''}, ${runs} runs each`,
);

const gwent = `datasets=${f.pub.datasetId}&from=2023-07&to=2024-06&res=9`;
const gwentFloor = await floorOf([f.pub.datasetId], '2023-07', '2024-06', pfaCover('W15000002'));
console.log(
  `floor: bare count of the selection's incidents, Gwent, 12 months: median ${quantile(gwentFloor, 0.5).toFixed(0)} ms`,
);
await time(
  'Gi* /api/hotspots, police.uk, Gwent force area, r9, 12 months',
  `/api/hotspots?${gwent}&area=pfa:W15000002`,
  gwentFloor,
);
await time(
  '/api/cells, police.uk, Gwent force area, r9, 12 months',
  `/api/cells?${gwent}&area=pfa:W15000002`,
  gwentFloor,
);
await time(
  '/api/areas/:area/summary, police.uk, Gwent force area, r9, 12 months',
  `/api/areas/pfa:W15000002/summary?${gwent}`,
  gwentFloor,
);
await time(
  '/api/change, police.uk, Gwent force area, r9, 2024-06 against 2023-06',
  `/api/change?datasets=${f.pub.datasetId}&period=month&asOf=2024-06-30&res=9&area=pfa:W15000002`,
  gwentFloor,
);
const gwentLads = 'lad:W06000018,lad:W06000019,lad:W06000020,lad:W06000021,lad:W06000022';
await time(
  '/api/compare, police.uk, five Gwent authorities, r9, 12 months',
  `/api/compare?${gwent.replace('&res=9', '')}&res=9&areas=${gwentLads}`,
  gwentFloor,
);
await time(
  'Gi* /api/hotspots, restricted daily data, Gwent, r9, 12 months',
  `/api/hotspots?datasets=${f.restricted!.datasetId}&from=2023-07&to=2024-06&res=9&area=pfa:W15000002`,
  null,
);
await time(
  '/api/areas/:area/summary, restricted daily data, Gwent, r9, 12 months',
  `/api/areas/pfa:W15000002/summary?datasets=${f.restricted!.datasetId}&from=2023-07&to=2024-06&res=9`,
  null,
);
await time(
  'Gi* /api/hotspots, restricted, Gwent, r9, Fri-Sat 22:00-04:00',
  `/api/hotspots?datasets=${f.restricted!.datasetId}&from=2023-07&to=2024-06&res=9&area=pfa:W15000002&weekdays=5,6&hours=22-4`,
  null,
);
await time(
  '/api/density, police.uk, Gwent force area, r9, 12 months',
  `/api/density?${gwent}&area=pfa:W15000002`,
  null,
);
await time(
  '/api/proximity, police.uk, Gwent schools, 200 m, 12 months',
  `/api/proximity?datasets=${f.pub.datasetId}&from=2023-07&to=2024-06&area=pfa:W15000002&type=school`,
  null,
);
const both = `datasets=${f.pub.datasetId},${f.southWales!.datasetId}&from=2024-01&to=2024-04`;
await time(
  '/api/compare, police.uk, Gwent and South Wales force areas, r9, 4 months',
  `/api/compare?${both}&res=9&areas=pfa:W15000002,pfa:W15000003`,
  null,
);
await time(
  '/api/cross-border, police.uk, Gwent and South Wales, r9, 4 months',
  `/api/cross-border?${both}&res=9&areas=pfa:W15000002,pfa:W15000003`,
  null,
);
await time(
  '/api/triangulation, police.uk against ED, Gwent force area, r9, 12 months',
  `/api/triangulation?police=${f.pub.datasetId}&ed=${f.ed!.datasetId}&from=2023-07&to=2024-06&res=9&area=pfa:W15000002`,
  null,
);

if (national) {
  const [from, to] = await db
    .query<{ from: string; to: string }>(
      `select to_char(min(month), 'YYYY-MM') as from, to_char(max(month), 'YYYY-MM') as to from incidents where dataset_id = $1`,
      [national.datasetId],
    )
    .then((r) => [r[0]!.from, r[0]!.to]);
  const wales =
    'partnership:' +
    (
      await db.query<{ id: number }>(`select id from partnerships where name = 'Wales Violence Prevention Unit area'`)
    )[0]!.id;
  const sel = `datasets=${national.datasetId}&from=${from}&to=${to}&res=9`;
  const walesFloor = await floorOf([national.datasetId], from!, to!, walesCover);
  const forceFloor = await floorOf([national.datasetId], from!, to!, pfaCover('W15000002'));
  console.log(
    `floor, national year: Wales ${quantile(walesFloor, 0.5).toFixed(0)} ms, Gwent ${quantile(forceFloor, 0.5).toFixed(0)} ms`,
  );
  await time(
    'Gi* /api/hotspots, national year, Gwent force area, r9, 12 months',
    `/api/hotspots?${sel}&area=pfa:W15000002`,
    forceFloor,
  );
  await time(
    '/api/areas/:area/summary, national year, Gwent, r9, 12 months',
    `/api/areas/pfa:W15000002/summary?${sel}`,
    forceFloor,
  );
  await time(
    `/api/change, national year, Gwent, r9, ${to} against a year earlier`,
    `/api/change?datasets=${national.datasetId}&period=month&asOf=${to}-28&res=9&area=pfa:W15000002`,
    forceFloor,
  );
  await time(
    '/api/compare, national year, the four Welsh forces, r9, 12 months',
    `/api/compare?${sel}&areas=pfa:W15000001,pfa:W15000002,pfa:W15000003,pfa:W15000004`,
    walesFloor,
  );
  await time(
    'Gi* /api/hotspots, national year, whole of Wales, r9, 12 months',
    `/api/hotspots?${sel}&area=${wales}`,
    walesFloor,
  );
  await time(
    '/api/areas/:area/summary, national year, whole of Wales, r9, 12 months',
    `/api/areas/${wales}/summary?${sel}`,
    walesFloor,
  );
  await time(
    `/api/change, national year, whole of Wales, r9, ${to} against a year earlier`,
    `/api/change?datasets=${national.datasetId}&period=month&asOf=${to}-28&res=9&area=${wales}`,
    walesFloor,
  );
}
await db.close();
