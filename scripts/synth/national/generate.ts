/**
 * A synthetic national year of data.police.uk street-level crime (SYNTHETIC: no real record is
 * reproduced), for ingest and query benchmarks at national scale.
 *
 *   npx tsx scripts/synth/national/generate.ts --rows 6500000 --seed 1 --out /tmp/national
 *
 * Options:
 *   --rows N        rows in all (default 6,500,000, about one real national year)
 *   --seed N        default 1; same seed and options -> byte-identical files
 *   --out DIR       default /tmp/national (created; existing files of the same name are replaced)
 *   --start YYYY-MM first month (default 2024-01)
 *   --months N      months to write (default 12); --months 1 --rows 540000 is one national
 *                   month at full density
 *   --forces a,b    only these forces (police.uk slugs, e.g. gwent,south-wales); rows are
 *                   shared among them. The map is the same whichever forces are chosen.
 *   --layout L      force (default): DIR/YYYY-MM/YYYY-MM-<force>-street.csv, the data.police.uk
 *                   download layout; month: DIR/YYYY-MM/YYYY-MM-all-forces-street.csv, every
 *                   force in one file per month (for testing large files)
 *   --no-location N scale of the real no-location rates (default 1; 0 = every row placed)
 *
 * Writes the police.uk header and columns exactly (Crime ID, Month, Reported by, Falls within,
 * Longitude, Latitude, Location, LSOA code, LSOA name, Crime type, Last outcome category,
 * Context) plus DIR/manifest.json (ignored by the importer) with the counts per force.
 *
 * Model:
 * - Rows per force: --rows x the force's share of FORCES[].annualK (tables.ts), times the
 *   month's share of the real Gwent 2024 seasonal shape; largest-remainder rounding, so the
 *   total is exact.
 * - Location: a map point of that force (geography.ts: towns, villages, lognormal weights),
 *   drawn with probability proportional to its weight. Every point lies inside the force's
 *   polygon in geodata/boundaries/pfa.geojson, so the importer gives it that force's pfa_code.
 * - Crime type: the real Gwent mix (Violence and sexual offences 38%, ASB 17.7%, Public order
 *   12.3%, ...); outcome: the real Gwent outcome mix for that type (ASB has none).
 * - No location: with the real Gwent per-type rate (1.4% overall, 1.7% of violence, 7% of
 *   drugs), the row has empty coordinates, "No Location" and no LSOA, as police.uk writes it;
 *   the importer rejects these as "no coordinates".
 * - Crime ID: 64 random hex digits (ASB rows: empty).
 * Random streams: map points from childRng(seed, 'national', 'geography', force) (ARC4, as
 * the rest of scripts/synth); rows from seedrandom.xor4096(`seed:national:rows:force:month`)
 * (faster), so each force-month is independent of the others generated.
 */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import seedrandom from 'seedrandom';
import { pfaCodeForForce } from '../../../server/geo/force-names.js';
import { POLICE_UK_HEADER } from '../../../server/ingest/police-uk.js';
import { AliasSampler, buildForceGeography, type ForceGeography } from './geography.js';
import { CRIME_TYPES, FORCES, MONTH_SHAPE, OUTCOMES, type ForceSpec } from './tables.js';

/** The national volume the map is built for, whatever --rows is. */
const NATIONAL_ANNUAL_ROWS = 6_500_000;

interface Options {
  rows: number;
  seed: number;
  out: string;
  start: string;
  months: number;
  forces: ForceSpec[];
  layout: 'force' | 'month';
  noLocation: number;
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    rows: 6_500_000,
    seed: 1,
    out: '/tmp/national',
    start: '2024-01',
    months: 12,
    forces: [...FORCES],
    layout: 'force',
    noLocation: 1,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--rows') o.rows = Number(value.replace(/_/g, ''));
    else if (flag === '--seed') o.seed = Number(value);
    else if (flag === '--out') o.out = value;
    else if (flag === '--start') o.start = value;
    else if (flag === '--months') o.months = Number(value);
    else if (flag === '--layout') o.layout = value as Options['layout'];
    else if (flag === '--no-location') o.noLocation = Number(value);
    else if (flag === '--forces') {
      const slugs = value.split(',').map((s) => s.trim());
      o.forces = slugs.map((slug) => {
        const f = FORCES.find((x) => x.slug === slug);
        if (!f) throw new Error(`unknown force "${slug}" (one of ${FORCES.map((x) => x.slug).join(', ')})`);
        return f;
      });
    } else throw new Error(`unknown option ${flag}`);
  }
  if (!Number.isInteger(o.rows) || o.rows < 1) throw new Error('--rows must be a positive whole number');
  if (!Number.isInteger(o.seed)) throw new Error('--seed must be a whole number');
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(o.start)) throw new Error('--start must be YYYY-MM');
  if (!Number.isInteger(o.months) || o.months < 1 || o.months > 120) throw new Error('--months must be 1..120');
  if (o.layout !== 'force' && o.layout !== 'month') throw new Error('--layout must be force or month');
  if (!(o.noLocation >= 0)) throw new Error('--no-location must be >= 0');
  return o;
}

function monthsFrom(start: string, count: number): string[] {
  const [y, m] = start.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const t = y * 12 + (m - 1) + i;
    return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
  });
}

/** Splits `total` over the weights with largest-remainder rounding (sum is exact). */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    out[i]!++;
  }
  return out;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
function hex64(next: () => number): string {
  let s = '';
  for (let i = 0; i < 8; i++) {
    const x = next();
    s += HEX[x & 255]! + HEX[(x >>> 8) & 255]! + HEX[(x >>> 16) & 255]! + HEX[(x >>> 24) & 255]!;
  }
  return s;
}

/** Per crime type: the CSV tail after the type, its outcome sampler and no-location rate. */
const TYPES = CRIME_TYPES.map((t) => {
  const outcomes = OUTCOMES[t.type];
  if (!outcomes) throw new Error(`no outcomes for ${t.type}`);
  return {
    type: t.type,
    asb: t.type === 'Anti-social behaviour',
    noLocationRate: t.noLocation / t.rows,
    outcomeText: outcomes.map(([o]) => `${t.type},${o},\n`),
    outcomes: new AliasSampler(outcomes.map(([, n]) => n)),
  };
});
const TYPE_SAMPLER = new AliasSampler(CRIME_TYPES.map((t) => t.rows));

interface Written {
  rows: number;
  noLocation: number;
}

/** Appends `count` rows for one force-month to `sink` (streamed: the sink writes as it fills). */
function writeRows(
  geo: ForceGeography,
  month: string,
  count: number,
  seed: number,
  noLocationScale: number,
  sink: Sink,
): Written {
  const rng = seedrandom.xor4096(`${seed}:national:rows:${geo.force.slug}:${month}`);
  const int32 = rng.int32;
  const prefix = `,${month},${geo.force.name},${geo.force.name},`;
  let noLocation = 0;
  for (let i = 0; i < count; i++) {
    const type = TYPES[TYPE_SAMPLER.sample(rng(), rng())]!;
    const unplaced = noLocationScale > 0 && rng() < type.noLocationRate * noLocationScale;
    const where = unplaced ? ',,No Location,,' : geo.fields[geo.sampler.sample(rng(), rng())]!;
    if (unplaced) noLocation++;
    const outcome = type.outcomeText[type.outcomes.sample(rng(), rng())]!;
    sink.write((type.asb ? '' : hex64(int32)) + prefix + where + ',' + outcome);
  }
  return { rows: count, noLocation };
}

/** Buffered synchronous file writer: memory stays at one chunk. */
class Sink {
  private fd: number;
  private buf = '';
  bytes = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  write(s: string): void {
    this.buf += s;
    if (this.buf.length >= 1 << 20) this.drain();
  }

  private drain(): void {
    this.bytes += writeSync(this.fd, this.buf);
    this.buf = '';
  }

  close(): void {
    this.drain();
    closeSync(this.fd);
  }
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const started = performance.now();
  for (const f of FORCES) {
    if (pfaCodeForForce(f.name) !== f.code)
      throw new Error(`"${f.name}" does not map to ${f.code} (server/geo/force-names.ts)`);
    for (const text of [f.name, f.slug]) if (/[",\n]/.test(text)) throw new Error(`"${text}" would need CSV quoting`);
  }
  const totalK = FORCES.reduce((a, f) => a + f.annualK, 0);
  const months = monthsFrom(o.start, o.months);

  // Rows per (month, force): one apportionment over the whole grid so the total is exact.
  const cellWeights: number[] = [];
  for (const m of months) for (const f of o.forces) cellWeights.push(f.annualK * MONTH_SHAPE[Number(m.slice(5)) - 1]!);
  const cellRows = apportion(o.rows, cellWeights);

  const geos = o.forces.map((f) =>
    buildForceGeography(f, o.seed, (NATIONAL_ANNUAL_ROWS * f.annualK) / totalK, FORCES.indexOf(f)),
  );
  const points = geos.reduce((a, g) => a + g.sampler.size, 0);
  console.error(
    `map: ${points} points in ${geos.length} force areas (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );

  const header = POLICE_UK_HEADER.join(',') + '\n';
  const perForce = new Map<string, Written>(o.forces.map((f) => [f.slug, { rows: 0, noLocation: 0 }]));
  const files: { path: string; rows: number; bytes: number }[] = [];
  let bytes = 0;
  let cell = 0;
  for (const month of months) {
    const dir = join(o.out, month);
    mkdirSync(dir, { recursive: true });
    let sink: Sink | undefined;
    let fileRows = 0;
    let filePath = '';
    const open = (name: string) => {
      filePath = join(dir, name);
      sink = new Sink(filePath);
      sink.write(header);
      fileRows = 0;
    };
    const close = () => {
      sink!.close();
      bytes += sink!.bytes;
      files.push({ path: filePath.slice(o.out.length + 1), rows: fileRows, bytes: sink!.bytes });
    };
    if (o.layout === 'month') open(`${month}-all-forces-street.csv`);
    for (const geo of geos) {
      const count = cellRows[cell++]!;
      if (o.layout === 'force') open(`${month}-${geo.force.slug}-street.csv`);
      const w = writeRows(geo, month, count, o.seed, o.noLocation, sink!);
      fileRows += w.rows;
      const tally = perForce.get(geo.force.slug)!;
      tally.rows += w.rows;
      tally.noLocation += w.noLocation;
      if (o.layout === 'force') close();
    }
    if (o.layout === 'month') close();
    console.error(
      `${month}: ${files.length} files, ${(bytes / 1e6).toFixed(0)} MB (${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
  }

  const noLocation = [...perForce.values()].reduce((a, w) => a + w.noLocation, 0);
  const seconds = (performance.now() - started) / 1000;
  writeFileSync(
    join(o.out, 'manifest.json'),
    JSON.stringify(
      {
        synthetic: true,
        generator: 'scripts/synth/national/generate.ts',
        options: { ...o, forces: o.forces.map((f) => f.slug) },
        rows: o.rows,
        rowsWithoutLocation: noLocation,
        mapPoints: points,
        bytes,
        forces: Object.fromEntries(
          [...perForce].map(([slug, w]) => [slug, { code: FORCES.find((f) => f.slug === slug)!.code, ...w }]),
        ),
        files,
      },
      null,
      1,
    ) + '\n',
  );
  console.error(
    `wrote ${o.rows} rows (${noLocation} without a location) in ${files.length} files, ${(bytes / 1e6).toFixed(0)} MB, to ${o.out} in ${seconds.toFixed(1)} s (${Math.round(o.rows / seconds)} rows/s)`,
  );
}

await main();
