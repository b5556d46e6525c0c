/**
 * Builds the boundary files the app ships in geodata/boundaries/ from ../shared/data/boundaries/.
 * Rebuild: `npx tsx scripts/build-geodata.ts` (needs ../shared/ beside the repo).
 *
 * pfa.geojson: the 43 police force areas (ONS PFA Dec 2020 EW BUC, already ultra-generalised),
 * properties reduced to { code, name }, coordinates rounded to 5 dp (~1 m; the source
 * generalisation is far coarser) so the file stays small.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';

const shared = new URL('../../shared/data/boundaries/', import.meta.url);
const out = new URL('../geodata/boundaries/', import.meta.url);

type Position = number[];
const round = (c: unknown): unknown =>
  Array.isArray(c) && typeof c[0] === 'number' ? (c as Position).map((v) => Math.round(v * 1e5) / 1e5) : (c as unknown[]).map(round);

async function buildPfa(): Promise<void> {
  const source = JSON.parse(await readFile(new URL('pfa_2020_ew_buc.geojson', shared), 'utf8'));
  const features = source.features.map((f: any) => ({
    type: 'Feature',
    properties: { code: f.properties.PFA20CD, name: f.properties.PFA20NM },
    geometry: { type: f.geometry.type, coordinates: round(f.geometry.coordinates) },
  }));
  features.sort((a: any, b: any) => a.properties.code.localeCompare(b.properties.code));
  await writeFile(new URL('pfa.geojson', out), JSON.stringify({ type: 'FeatureCollection', features }) + '\n');
  console.log(`pfa.geojson: ${features.length} force areas`);
}

await mkdir(out, { recursive: true });
await buildPfa();
