/**
 * Builds the geography the app ships in geodata/ from ../shared/data/ (the app never reads
 * ../shared at run time). Rebuild: `npx tsx scripts/build-geodata.ts` (needs ../shared/ beside
 * the repo). Output is deterministic: a rebuild from the same inputs is byte-identical.
 *
 * - boundaries/pfa.geojson: the 43 police force areas (ONS PFA Dec 2020 EW BUC, already
 *   ultra-generalised), properties reduced to { code, name }, coordinates rounded to 5 dp
 *   (~1 m; the source generalisation is far coarser) so the file stays small.
 * - boundaries/lad.geojson: 22 Welsh LADs + 15 English neighbours of Gwent (Avon and Somerset,
 *   Gloucestershire), { code, name, nameWelsh, pfaCode, population } (scripts/geodata/boundaries.ts).
 * - boundaries/lsoa.geojson.gz: LSOA 2011 of the same councils, { code, name, ladCode, population }.
 * - places.geojson.gz: schools, licensed premises, prisons, hospitals with an ED (one point each).
 * - postcodes.csv.gz: postcode,lng,lat for the bundled Code-Point Open areas.
 * - manifest.json (counts, dropped rows by reason) and ATTRIBUTION.md.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import type { FeatureCollection, Point } from 'geojson';
import { AreaIndex } from '../server/geo/area-index.js';
import { normaliseCouncilName, ENGLISH_LADS, WELSH_LADS } from './geodata/areas.js';
import { buildBoundaries, LAD_SETTINGS, LSOA_SETTINGS } from './geodata/boundaries.js';
import { loadPopulation } from './geodata/population.js';
import { gzip } from './geodata/csv.js';
import { buildPubs } from './geodata/pubs.js';
import { buildSchools } from './geodata/schools.js';
import { buildPrisons } from './geodata/prisons.js';
import { buildHospitals } from './geodata/hospitals.js';
import { buildPostcodes } from './geodata/postcodes.js';
import { writeAttribution } from './geodata/attribution.js';
import type { LayerResult, PlaceRecord } from './geodata/place.js';

const shared = new URL('../../shared/data/boundaries/', import.meta.url);
const out = new URL('../geodata/boundaries/', import.meta.url);
const geodata = new URL('../geodata/', import.meta.url);

type Position = number[];
const round = (c: unknown): unknown =>
  Array.isArray(c) && typeof c[0] === 'number'
    ? (c as Position).map((v) => Math.round(v * 1e5) / 1e5)
    : (c as unknown[]).map(round);

async function buildPfa(): Promise<number> {
  type PfaFeature = {
    properties: { PFA20CD: string; PFA20NM: string };
    geometry: { type: string; coordinates: unknown };
  };
  const source = JSON.parse(await readFile(new URL('pfa_2020_ew_buc.geojson', shared), 'utf8')) as {
    features: PfaFeature[];
  };
  const features = source.features.map((f) => ({
    type: 'Feature',
    properties: { code: f.properties.PFA20CD, name: f.properties.PFA20NM },
    geometry: { type: f.geometry.type, coordinates: round(f.geometry.coordinates) },
  }));
  features.sort((a, b) => a.properties.code.localeCompare(b.properties.code));
  await writeFile(new URL('pfa.geojson', out), JSON.stringify({ type: 'FeatureCollection', features }) + '\n');
  console.log(`pfa.geojson: ${features.length} force areas`);
  return features.length;
}

const files: Record<string, { bytes: number; sha256: string }> = {};
async function emit(path: string, content: string | Buffer): Promise<void> {
  const buf = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  await writeFile(new URL(path, geodata), buf);
  files[path] = { bytes: buf.length, sha256: createHash('sha256').update(buf).digest('hex') };
  console.log(`${path}: ${(buf.length / 1024).toFixed(0)} KB`);
}

function layerSummary(r: LayerResult) {
  return {
    sourceRows: r.sourceRows,
    kept: r.records.length - r.added.length,
    added: r.added,
    dropped: r.dropped.counts,
    droppedExamples: r.dropped.examples,
    checks: r.checks,
  };
}

await mkdir(out, { recursive: true });
const pfaCount = await buildPfa();
files['boundaries/pfa.geojson'] = await (async () => {
  const buf = await readFile(new URL('pfa.geojson', out));
  return { bytes: buf.length, sha256: createHash('sha256').update(buf).digest('hex') };
})();

// --- boundaries ---
const population = loadPopulation();
const { lad, lsoa, report: boundaryReport } = await buildBoundaries(population);
await emit('boundaries/lad.geojson', JSON.stringify(lad) + '\n');
await emit('boundaries/lsoa.geojson.gz', gzip(JSON.stringify(lsoa) + '\n'));
const welshMismatch = boundaryReport.lad.lsoaSumChecks.filter((c) => c.code.startsWith('W') && c.difference !== 0);
if (welshMismatch.length)
  console.warn(`Welsh LSOA population sums differ from the LAD file: ${JSON.stringify(welshMismatch)}`);

// --- places ---
const ladIndex = new AreaIndex(lad, 1);
const ladCodeByName = new Map(lad.features.map((f) => [normaliseCouncilName(f.properties.name), f.properties.code]));
const pubs = buildPubs(ladIndex, ladCodeByName, lad);
const schools = buildSchools(ladIndex, ladCodeByName);
const prisons = buildPrisons(ladIndex);
const hospitals = buildHospitals(ladIndex);
const records: PlaceRecord[] = [
  ...schools.records,
  ...pubs.records,
  ...prisons.records,
  ...hospitals.england.records,
  ...hospitals.wales.records,
];
records.sort((a, b) => (a.type === b.type ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.type < b.type ? -1 : 1));
const ids = new Set(records.map((r) => r.id));
if (ids.size !== records.length) throw new Error('places: duplicate ids');
const places: FeatureCollection<Point, PlaceRecord> = {
  type: 'FeatureCollection',
  features: records.map((r) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [r.lng, r.lat] },
    properties: r,
  })),
};
await emit('places.geojson.gz', gzip(JSON.stringify(places) + '\n'));

// --- postcodes ---
const postcodes = buildPostcodes();
await emit('postcodes.csv.gz', gzip(postcodes.csv));

// --- manifest ---
const byType: Record<string, number> = {};
for (const r of records) byType[r.type] = (byType[r.type] ?? 0) + 1;
const manifest = {
  description:
    'Counts for the files built by scripts/build-geodata.ts from ../shared/data (see ATTRIBUTION.md). Paths are relative to geodata/.',
  files,
  pfa: { count: pfaCount },
  lad: {
    count: boundaryReport.lad.count,
    welsh: WELSH_LADS.length,
    english: ENGLISH_LADS.length,
    pfaCodes: boundaryReport.lad.pfaCodes,
    populationSummedFromLsoas: boundaryReport.lad.populationSummedFromLsoas,
    lsoaPopulationSumMismatches: boundaryReport.lad.lsoaSumChecks.filter(
      (c) => c.difference !== 0 && c.difference !== null,
    ),
    simplify: { ...LAD_SETTINGS, passes: boundaryReport.lad.simplifyPasses },
  },
  lsoa: {
    count: boundaryReport.lsoa.count,
    byLad: boundaryReport.lsoa.byLad,
    withoutPopulation: boundaryReport.lsoa.withoutPopulation.length,
    simplify: { ...LSOA_SETTINGS, passes: boundaryReport.lsoa.simplifyPasses },
  },
  places: {
    count: records.length,
    byType,
    layers: {
      'licensed-premises': layerSummary(pubs),
      school: layerSummary(schools),
      prison: layerSummary(prisons),
      'hospital-ed (England)': layerSummary(hospitals.england),
      'hospital-ed (Wales, stroke-list stand-in)': layerSummary(hospitals.wales),
    },
  },
  postcodes: postcodes.report,
};
await writeFile(new URL('manifest.json', geodata), JSON.stringify(manifest, null, 2) + '\n');
await writeAttribution(new URL('ATTRIBUTION.md', geodata), manifest);
console.log(`places: ${JSON.stringify(byType)}; postcodes: ${postcodes.rows}`);
