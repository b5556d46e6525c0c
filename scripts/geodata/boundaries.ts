/**
 * Local-authority districts and LSOA 2011 polygons for the bundled councils, simplified with
 * their shared borders kept as one line (mapshaper: topology is built over the combined layer,
 * `-clean` closes the gaps and overlaps left where the sources disagree, then `-simplify` works
 * on shared arcs, so neighbours stay gap- and overlap-free), coordinates rounded to 5 dp.
 *
 * Why -clean is needed:
 * - LADs: the Welsh districts (wales_lad_2013.geojson) and the English ones (gb_lad_topo.json,
 *   quantised to a ~70 x 120 m grid) are two generalisations, so the Monmouthshire - Forest of
 *   Dean border along the Wye does not line up (about 0.08 km2 of overlap plus slivers), and the
 *   TopoJSON leaves narrow holes along tidal rivers (the Severn through Gloucestershire).
 * - LSOAs: the source polygons were generalised one by one, so neighbouring LSOAs share no
 *   vertices at all and leave slivers everywhere (mapshaper removes ~44,000 of them).
 * Overlaps go to the larger polygon (mapshaper's default rule); gaps narrower than the stated
 * width are given to a neighbour. Outer coastline is not touched.
 */
import { readFileSync, readdirSync } from 'node:fs';
import * as turf from '@turf/turf';
/**
 * mapshaper is loaded only when the boundaries are rebuilt, and is not a project dependency:
 * its optional msgpackr native packages break `npm ci` under npm 11. Rebuild with
 * `npm install --no-save mapshaper@0.7 && npm run build:geodata`.
 */
async function loadMapshaper(): Promise<typeof import('mapshaper').default> {
  try {
    return (await import('mapshaper')).default;
  } catch {
    throw new Error('rebuilding boundaries needs mapshaper: run `npm install --no-save mapshaper@0.7` first');
  }
}
import * as topojson from 'topojson-client';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { BUNDLED_LADS, ENGLISH_LADS, ENGLISH_PFA_BY_NAME, WALES_PFA, WALES_PFA_NAMES, WELSH_LADS } from './areas.js';
import type { PopulationTables } from './population.js';
import { PATHS, shared } from './sources.js';

/** Simplification and cleaning settings (kept here so ATTRIBUTION.md can state them). */
export const LAD_SETTINGS = { gapWidth: '110m', simplify: 'interval=100m', precision: 0.00001 } as const;
export const LSOA_SETTINGS = { gapWidth: '45m', simplify: 'interval=15m', precision: 0.00001 } as const;

export type AreaGeometry = Polygon | MultiPolygon;

/** The properties the app reads (server/geo/geodata.ts owns the shape). */
export type { LadProps, LsoaProps } from '../../server/geo/geodata.js';
import type { LadProps, LsoaProps } from '../../server/geo/geodata.js';

export interface BoundaryReport {
  lad: {
    count: number;
    populationFromLadFile: string[];
    populationSummedFromLsoas: { code: string; name: string; population: number; lsoas: number; reason: string }[];
    lsoaSumChecks: { code: string; ladFile: number | null; lsoaSum: number; difference: number | null }[];
    pfaCodes: Record<string, string>;
    simplifyPasses: number;
  };
  lsoa: {
    count: number;
    byLad: Record<string, number>;
    withoutPopulation: string[];
    simplifyPasses: number;
  };
}

type Simple = FeatureCollection<AreaGeometry, { code: string }>;

/** Proper self-intersections (crossings not at a shared vertex) in a feature's rings. */
export function crossings(feature: Feature<AreaGeometry>): number {
  const vertices = new Set(turf.coordAll(feature).map((c) => `${c[0]},${c[1]}`));
  const near = (x: number, y: number): boolean => {
    if (vertices.has(`${x},${y}`)) return true;
    // kinks() recomputes the point; accept float noise at an existing vertex
    for (const v of vertices) {
      const [vx, vy] = v.split(',').map(Number) as [number, number];
      if (Math.abs(vx - x) < 1e-9 && Math.abs(vy - y) < 1e-9) return true;
    }
    return false;
  };
  return turf.kinks(feature).features.filter((k) => !near(k.geometry.coordinates[0]!, k.geometry.coordinates[1]!))
    .length;
}

/** Coordinates that are not on the rounding grid (more decimals than `precision`). */
function offGrid(fc: Simple, precision: number): number {
  const scale = Math.round(1 / precision);
  let n = 0;
  for (const c of turf.coordAll(fc)) {
    for (const v of c) if (Math.abs(Math.round(v * scale) / scale - v) > 1e-12) n++;
  }
  return n;
}

async function run(commands: string, precision: number, inputs: Record<string, unknown>): Promise<Simple> {
  const output = await (await loadMapshaper()).applyCommands(
    `${commands} -o out.json format=geojson geojson-type=FeatureCollection precision=${precision}`,
    inputs,
  );
  const text = output['out.json'];
  if (text === undefined) throw new Error('mapshaper gave no output');
  return JSON.parse(text.toString()) as Simple;
}

/**
 * Clean, simplify and round one layer. Pass 1 cleans gaps/overlaps and simplifies on shared arcs,
 * then rounds; rounding can leave a vertex a fraction of a metre across a neighbouring segment of
 * the same ring (a few LSOAs), so later passes re-import the rounded layer (topology rebuilt from
 * the now identical shared vertices), clean again and re-round, until no ring crosses itself
 * and every coordinate is on the grid.
 */
async function simplifyLayer(
  inputs: Record<string, Simple>,
  settings: { gapWidth: string; simplify: string; precision: number },
): Promise<{ fc: Simple; passes: number }> {
  const names = Object.keys(inputs);
  const p = settings.precision;
  let fc = await run(
    [
      `-i ${names.join(' ')} combine-files`,
      names.length > 1 ? '-merge-layers force' : '',
      `-clean gap-width=${settings.gapWidth}`,
      `-simplify ${settings.simplify} keep-shapes`,
      `-snap precision=${p} fix-geometry`,
      `-clean gap-width=0`,
      `-snap precision=${p} fix-geometry`,
    ].join(' '),
    p,
    inputs,
  );
  for (let pass = 2; ; pass++) {
    const bad = fc.features.filter((f) => crossings(f) > 0).length;
    const loose = offGrid(fc, p);
    if (bad === 0 && loose === 0) return { fc, passes: pass - 1 };
    if (pass > 5)
      throw new Error(`simplify: ${bad} features still cross themselves, ${loose} coordinates off the grid`);
    fc = await run(`-i in.json -clean gap-width=0 -snap precision=${p} fix-geometry`, p, { 'in.json': fc });
  }
}

function readGeoJson(path: string): FeatureCollection<AreaGeometry, Record<string, unknown>> {
  return JSON.parse(readFileSync(shared(path), 'utf8'));
}

/** PFA code by force name from the PFA file (so the English codes are checked, not assumed). */
function pfaCodesByName(): Map<string, string> {
  const pfa = readGeoJson(PATHS.pfa);
  return new Map(pfa.features.map((f) => [String(f.properties.PFA20NM), String(f.properties.PFA20CD)]));
}

export function ladPfaCodes(): Record<string, string> {
  const byName = pfaCodesByName();
  const out: Record<string, string> = {};
  for (const [lad, pfa] of Object.entries(WALES_PFA)) {
    const name = WALES_PFA_NAMES[pfa]!;
    if (byName.get(name) !== pfa) throw new Error(`PFA file: ${name} is ${byName.get(name)}, expected ${pfa}`);
    out[lad] = pfa;
  }
  for (const [name, lads] of Object.entries(ENGLISH_PFA_BY_NAME)) {
    const code = byName.get(name);
    if (!code?.startsWith('E23')) throw new Error(`PFA file: no force area named ${name}`);
    for (const lad of lads) out[lad] = code;
  }
  return out;
}

export interface BuiltBoundaries {
  lad: FeatureCollection<AreaGeometry, LadProps>;
  lsoa: FeatureCollection<AreaGeometry, LsoaProps>;
  report: BoundaryReport;
}

export async function buildBoundaries(pop: PopulationTables): Promise<BuiltBoundaries> {
  // --- source LADs ---
  const wales = readGeoJson(PATHS.walesLad);
  const topo = JSON.parse(readFileSync(shared(PATHS.gbLadTopo), 'utf8')) as Topology<{
    lad: GeometryCollection<Record<string, unknown>>;
  }>;
  const gb = topojson.feature(topo, topo.objects.lad) as FeatureCollection<AreaGeometry, Record<string, unknown>>;
  const english = new Set(ENGLISH_LADS);
  const names = new Map<string, { name: string; nameWelsh: string | null }>();
  const pick = (
    fc: FeatureCollection<AreaGeometry, Record<string, unknown>>,
    keep: (code: string) => boolean,
  ): Simple => ({
    type: 'FeatureCollection',
    features: fc.features
      .filter((f) => keep(String(f.properties.LAD13CD)))
      .map((f) => {
        const code = String(f.properties.LAD13CD);
        const nameWelsh = f.properties.LAD13NMW;
        names.set(code, {
          name: String(f.properties.LAD13NM),
          nameWelsh: typeof nameWelsh === 'string' && nameWelsh ? nameWelsh : null,
        });
        return { type: 'Feature', properties: { code }, geometry: f.geometry };
      }),
  });
  const welshIn = pick(wales, (c) => c.startsWith('W06'));
  const englishIn = pick(gb, (c) => english.has(c));
  if (welshIn.features.length !== WELSH_LADS.length)
    throw new Error(`wales_lad_2013: ${welshIn.features.length} LADs, expected ${WELSH_LADS.length}`);
  if (englishIn.features.length !== ENGLISH_LADS.length)
    throw new Error(`gb_lad_topo: ${englishIn.features.length} of ${ENGLISH_LADS.length} English LADs found`);
  for (const code of ENGLISH_LADS) names.set(code, { ...names.get(code)!, nameWelsh: null });

  // --- source LSOAs, one file per LAD ---
  const lsoaInputs: Record<string, Simple> = {};
  const lsoaNames = new Map<string, { name: string; ladCode: string }>();
  for (const dir of [PATHS.walesLsoaDir, PATHS.englandLsoaDir]) {
    for (const file of readdirSync(shared(dir))
      .filter((f) => f.endsWith('.geojson'))
      .sort()) {
      const ladCode = file.replace(/\.geojson$/, '');
      if (!BUNDLED_LADS.includes(ladCode)) throw new Error(`LSOA file for unexpected LAD ${ladCode}`);
      const fc = readGeoJson(dir + file);
      lsoaInputs[`${ladCode}.json`] = {
        type: 'FeatureCollection',
        features: fc.features.map((f) => {
          const code = String(f.properties.LSOA11CD);
          if (lsoaNames.has(code)) throw new Error(`LSOA ${code} in two LAD files`);
          lsoaNames.set(code, { name: String(f.properties.LSOA11NM), ladCode });
          return { type: 'Feature', properties: { code }, geometry: f.geometry };
        }),
      };
    }
  }
  if (Object.keys(lsoaInputs).length !== BUNDLED_LADS.length)
    throw new Error(`LSOA files for ${Object.keys(lsoaInputs).length} LADs, expected ${BUNDLED_LADS.length}`);

  // --- LSOA population, and LAD population (LAD file, else the sum of its LSOAs) ---
  const lsoaSum = new Map<string, { population: number; lsoas: number }>();
  const withoutPopulation: string[] = [];
  for (const [code, { ladCode }] of lsoaNames) {
    const p = pop.lsoa.get(code);
    if (!p) {
      withoutPopulation.push(code);
      continue;
    }
    const s = lsoaSum.get(ladCode) ?? { population: 0, lsoas: 0 };
    s.population += p.population;
    s.lsoas++;
    lsoaSum.set(ladCode, s);
  }
  if (withoutPopulation.length) throw new Error(`LSOAs without mid-2020 population: ${withoutPopulation.join(', ')}`);

  const pfaCodes = ladPfaCodes();
  const ladPopulation = new Map<string, number>();
  const report: BoundaryReport = {
    lad: {
      count: 0,
      populationFromLadFile: [],
      populationSummedFromLsoas: [],
      lsoaSumChecks: [],
      pfaCodes,
      simplifyPasses: 0,
    },
    lsoa: { count: 0, byLad: {}, withoutPopulation, simplifyPasses: 0 },
  };
  for (const code of BUNDLED_LADS) {
    const fromFile = pop.lad.get(code);
    const sum = lsoaSum.get(code)!;
    report.lad.lsoaSumChecks.push({
      code,
      ladFile: fromFile?.population ?? null,
      lsoaSum: sum.population,
      difference: fromFile ? sum.population - fromFile.population : null,
    });
    if (fromFile) {
      ladPopulation.set(code, fromFile.population);
      report.lad.populationFromLadFile.push(code);
    } else {
      ladPopulation.set(code, sum.population);
      report.lad.populationSummedFromLsoas.push({
        code,
        name: names.get(code)!.name,
        population: sum.population,
        lsoas: sum.lsoas,
        reason:
          'pre-2019 district code, not in the LAD 2021 population file (merged into E07000246 Somerset West and Taunton)',
      });
    }
  }

  // --- simplify with topology ---
  const { fc: ladOut, passes: ladPasses } = await simplifyLayer(
    { 'wales.json': welshIn, 'england.json': englishIn },
    LAD_SETTINGS,
  );
  const { fc: lsoaOut, passes: lsoaPasses } = await simplifyLayer(lsoaInputs, LSOA_SETTINGS);

  const lad: FeatureCollection<AreaGeometry, LadProps> = {
    type: 'FeatureCollection',
    features: ladOut.features
      .map((f): Feature<AreaGeometry, LadProps> => {
        const code = f.properties.code;
        const n = names.get(code)!;
        return {
          type: 'Feature',
          properties: {
            code,
            name: n.name,
            nameWelsh: n.nameWelsh,
            pfaCode: pfaCodes[code]!,
            population: ladPopulation.get(code)!,
          },
          geometry: f.geometry,
        };
      })
      .sort((a, b) => a.properties.code.localeCompare(b.properties.code)),
  };
  const lsoa: FeatureCollection<AreaGeometry, LsoaProps> = {
    type: 'FeatureCollection',
    features: lsoaOut.features
      .map((f): Feature<AreaGeometry, LsoaProps> => {
        const code = f.properties.code;
        const n = lsoaNames.get(code)!;
        return {
          type: 'Feature',
          properties: { code, name: n.name, ladCode: n.ladCode, population: pop.lsoa.get(code)!.population },
          geometry: f.geometry,
        };
      })
      .sort((a, b) => a.properties.code.localeCompare(b.properties.code)),
  };
  if (lad.features.length !== BUNDLED_LADS.length) throw new Error(`simplified LADs: ${lad.features.length}`);
  if (lsoa.features.length !== lsoaNames.size)
    throw new Error(`simplified LSOAs: ${lsoa.features.length} of ${lsoaNames.size}`);
  for (const f of [...lad.features, ...lsoa.features]) {
    if (!f.geometry || (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon'))
      throw new Error(`${f.properties.code}: no polygon after simplification`);
  }
  report.lad.count = lad.features.length;
  report.lad.simplifyPasses = ladPasses;
  report.lsoa.simplifyPasses = lsoaPasses;
  report.lsoa.count = lsoa.features.length;
  for (const f of lsoa.features)
    report.lsoa.byLad[f.properties.ladCode] = (report.lsoa.byLad[f.properties.ladCode] ?? 0) + 1;
  return { lad, lsoa, report };
}
