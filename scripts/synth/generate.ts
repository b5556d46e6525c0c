/**
 * Synthetic restricted datasets for hotspot (SYNTHETIC: no real ED or
 * daily-dated police record is used or reproduced).
 *
 *   npx tsx scripts/synth/generate.ts [--seed N] [--out geodata/sample/restricted] [--data DIR]
 *
 * Writes to --out (default geodata/sample/restricted):
 *   istv-ed-gwent-south-wales.csv.gz        ISTV / Cardiff Model ED assault attendances
 *   local-police-gwent-south-wales.csv.gz   local police extract (daily-dated, flagged)
 *   planted-clusters.json                   the planted ED-only clusters (for tests)
 * Same seed -> byte-identical files (default seed 20240101). Every random stream is
 * derived from the seed plus a label (e.g. "20240101:ed:gwent:2024-03"), so one
 * force-month's records do not depend on which other months are generated.
 *
 * INPUT: real data.police.uk street-level CSVs (--data, default ../shared/data/police-uk):
 * Gwent 2023-07..2025-06 (24 months), South Wales 2024-01..2024-04 (4 months). Kept:
 * "Violence and sexual offences" (VSO), "Robbery", "Possession of weapons" rows with
 * coordinates inside the force's PFA bounding box + 0.1 degree (drops the rows
 * police.uk misplaces in e.g. Kent or Durham).
 *
 * ---------------------------------------------------------------------------------------
 * OUTPUT 1: ISTV / Cardiff Model ED data
 * - Volume: per force-month, round(U(0.12, 0.15) x VSO rows kept that month), drawn
 *   without replacement from that month's real VSO points; plus the planted clusters.
 * - Location: the sampled real point moved by an offset uniform in a 100 m disc;
 *   written as integer BNG easting/northing (proj4, EPSG:27700 with the 7-parameter
 *   towgs84 Helmert shift; rounding adds < 1 m).
 * - attendance_date / attendance_time: an hour-of-week is drawn from the ED profile,
 *   then a day of the month with that weekday (uniform), then the minute (uniform).
 *   ED profile: hourly shape low 04-08, rising through the day to an evening/late
 *   peak at 22-23; per-night multipliers Mon .85, Tue .8, Wed .85, Thu .95, Fri 1.2,
 *   Sat 1.35, Sun 1.0 (hours 00-05 belong to the previous day's night, so 01:30
 *   Saturday is Friday night); Fri/Sat 22:00-03:59 cells boosted so that exactly 37.5%
 *   (expected) of ED assaults fall in Fri 22:00 - Sun 04:00 (27% in the 12 NTE hours
 *   alone, 46% in 22:00-03:59 of any night). Planted clusters use a residential
 *   evening profile (22% in that window), so the whole file is ~36%.
 * - age_band: base 0-10 1%, 11-17 9%, 18-24 24%, 25-34 27%, 35-44 18%, 45-54 11%,
 *   55-64 6%, 65+ 4%; at night (22-04) children x0.1/x0.4, 18-24 x1.4, 55+ down;
 *   weekday 08-17 11-17 x2.5.  sex: M 70%, F 29%, U 1%.
 * - setting: street .42, home .26 (x1.8 female, x0.5 NTE), other .14, licensed
 *   premises .55 in NTE hours / .15 other evenings 19-04 / .03 daytime (x0.1 under 18),
 *   school .35 only Mon-Fri 08:00-16:59 and age 11-17 (never otherwise). Planted:
 *   no licensed premises/school, home x1.5, street x1.2.
 * - weapon: body .62, blunt .12, knife/sharp .063, glass/bottle .07, other .125, then
 *   knife x1.7 for 18-24 and x1.4 at night; glass x3 in licensed premises, x0.4 at
 *   home, x1.3 street at night; blunt x1.3 at home. Resulting mix (seed 20240101):
 *   body 59.5%, blunt 12.7%, other 11.9%, knife/sharp 8.2% (13-14% for 18-24),
 *   glass/bottle 7.7%. Settings: street 41%, home 30%, licensed premises 15% (two
 *   thirds of them in NTE hours), other 14%, school 1%.
 * - assailants: 1 .58, 2 .16, 3+ .11, unknown .15; street/licensed at night 2 x1.2,
 *   3+ x1.6; home 1 x1.4, 3+ x0.4.
 * - hospital: nearest of Grange University, University Hospital of Wales, Morriston,
 *   Princess of Wales, Prince Charles, Royal Glamorgan with p = 0.85, else the
 *   second nearest.
 * - record_id: ED-000001.. in attendance date-time order (whole file).
 *
 * PLANTED "ED-ONLY" CLUSTERS (real residential streets with few police.uk violence
 * points nearby; 8-15 ED assaults per month each (uniform integer), uniform in a 150 m
 * disc around the centre, for every generated month of the cluster's force):
 *   risca-tir-y-cwm-lane       Tir-y-Cwm Lane, Risca (Caerphilly)      51.606395, -3.105536  Gwent
 *   cwmbran-glan-rhyd          Glan Rhyd, Cwmbran (Torfaen)            51.637634, -3.050431  Gwent
 *   rogerstone-wood-crescent   Wood Crescent, Rogerstone (Newport)     51.598030, -3.053993  Gwent
 *   pontprennau-maes-y-hedydd  Maes Y Hedydd, Pontprennau (Cardiff)    51.536483, -3.146000  South Wales
 * (lat, lng WGS84). planted-clusters.json repeats them with BNG, the number of planted
 * ED records, and police.uk / local-police violence counts within 150 m and 300 m.
 *
 * ---------------------------------------------------------------------------------------
 * OUTPUT 2: local police extract
 * - One row per kept real police.uk violence-related row (VSO, Robbery, Possession of
 *   weapons), at the real point moved uniformly within a 100 m disc (6 dp lat/lon).
 * - offence_description: drawn per crime type from OFFENCE_DESCRIPTIONS
 *   (scripts/synth/offences.ts, weights = approx. %): VSO -> Common assault 30,
 *   ABH 18, Harassment 12, Malicious communications 8, Stalking 4, Controlling or
 *   coercive behaviour 4, Assault on emergency worker 3, s20 GBH 2, Threats to kill 2,
 *   Sexual assault on a female aged 13 or over 2, s18 1.5, Rape of a female aged 16 or
 *   over 1.5, Murder 0.01 (a handful in the whole period), ~20 rarer descriptions;
 *   Robbery -> personal property 90 / business property 10; Possession of weapons ->
 *   article with blade or point 60 / offensive weapon 30 / firearms offences 10.
 * - domestic_abuse: per-offence rate (Controlling or coercive behaviour 100%,
 *   Stalking 55%, Threats to kill 45%, Harassment 40%, ABH 33%, Common assault 30%, ...;
 *   ~30% of VSO overall; ~2-3% of robbery/weapons).
 * - committed_date / committed_time: hour-of-week then weekday-matched day, as for ED,
 *   from the offence's profile: domestic physical/sexual/threat offences -> at-home DA
 *   profile (evening peak 18-22, weekend nights x1.2); non-domestic physical violence ->
 *   NTE profile (33% in Fri 22:00 - Sun 04:00); harassment/communications/stalking/
 *   coercive control -> daytime 08-21; sexual -> evening/night; robbery -> 15-23;
 *   weapons (stop-search driven) -> 14-22.
 * - alcohol_related: per offence by time: physical assaults 50% in NTE hours
 *   (Fri/Sat 22:00-03:59), 30% other nights 22-04, 10% otherwise (~20% of assaults);
 *   sexual 40/25/10%; harassment etc. 8/5/3%.
 * - knife_sharp: Possession of article with blade or point 100%; s18 40%; Murder and
 *   Attempted murder 50%; Threats to kill 10%; ABH, s20 GBH and Robbery 6%; Common
 *   assault 1%; otherwise 0-3%.
 * - occurrence_ref: GW/ or SW/ + committed year + 6 digits, ascending in committed
 *   date-time within a force-year with random gaps of 1-8. Rows ordered Gwent first,
 *   then by committed date-time. force: "Gwent Police" / "South Wales Police".
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { wgs84ToBng } from './bng.js';
import { gzipDeterministic, toCsv } from './csv.js';
import { PointIndex } from './geo.js';
import { ED_HEADER, edRow, finalizeEd, generateEdMonth, generatePlantedMonth, type EdRecord } from './istv-ed.js';
import {
  LOCAL_POLICE_HEADER,
  finalizeLocalPolice,
  generateLocalPoliceMonth,
  localPoliceRow,
  type LocalPoliceRecord,
} from './local-police.js';
import { PLANTED_CLUSTERS } from './planted.js';
import {
  DEFAULT_SELECTION,
  FORCES,
  defaultPoliceDataDir,
  loadPoliceSource,
  type ForceKey,
  type PoliceSource,
  type Selection,
} from './police-violence.js';

export { ED_HEADER } from './istv-ed.js';
export { LOCAL_POLICE_HEADER } from './local-police.js';
export { PLANTED_CLUSTERS } from './planted.js';
export { loadPoliceSource } from './police-violence.js';

export const DEFAULT_SEED = 20240101;
export const ED_FILE = 'istv-ed-gwent-south-wales.csv.gz';
export const LOCAL_POLICE_FILE = 'local-police-gwent-south-wales.csv.gz';
export const PLANTED_FILE = 'planted-clusters.json';

export interface PlantedClusterReport {
  id: string;
  name: string;
  force: string;
  local_authority: string;
  lat: number;
  lng: number;
  easting: number;
  northing: number;
  radius_m: number;
  per_month_range: [number, number];
  months: string[];
  planted_ed_records: number;
  police_uk_violence_within_150m: number;
  police_uk_violence_within_300m: number;
  local_police_within_150m: number;
}

export interface MonthSummary {
  force: ForceKey;
  month: string;
  policeUkVsoKept: number;
  policeUkViolenceKept: number;
  policeUkViolenceNoCoords: number;
  policeUkViolenceOutsideArea: number;
  edFromPolicePoints: number;
  edPlanted: number;
  localPoliceRows: number;
}

export interface SynthResult {
  seed: number;
  ed: EdRecord[];
  police: LocalPoliceRecord[];
  edCsv: string;
  policeCsv: string;
  edGz: Buffer;
  policeGz: Buffer;
  plantedJson: string;
  planted: PlantedClusterReport[];
  months: MonthSummary[];
}

/** Generate both datasets from already loaded police.uk violence points. */
export function synthesize(source: PoliceSource, seed: number = DEFAULT_SEED): SynthResult {
  const ed: EdRecord[] = [];
  const police: LocalPoliceRecord[] = [];
  const months: MonthSummary[] = [];
  const monthsByForce = new Map<ForceKey, string[]>();

  for (const vm of source.months) {
    const edMonth = generateEdMonth(seed, vm);
    let planted = 0;
    for (const cluster of PLANTED_CLUSTERS) {
      if (cluster.force !== vm.force) continue;
      const recs = generatePlantedMonth(seed, cluster, vm.month);
      planted += recs.length;
      ed.push(...recs);
    }
    ed.push(...edMonth);
    const pol = generateLocalPoliceMonth(seed, vm);
    for (const r of pol) police.push(r);
    months.push({
      force: vm.force,
      month: vm.month,
      policeUkVsoKept: vm.stats.vsoRows,
      policeUkViolenceKept: vm.stats.kept,
      policeUkViolenceNoCoords: vm.stats.noCoordinates,
      policeUkViolenceOutsideArea: vm.stats.outsideArea,
      edFromPolicePoints: edMonth.length,
      edPlanted: planted,
      localPoliceRows: pol.length,
    });
    const list = monthsByForce.get(vm.force) ?? [];
    list.push(vm.month);
    monthsByForce.set(vm.force, list);
  }

  const edSorted = finalizeEd(ed);
  const policeSorted = finalizeLocalPolice(seed, police);
  const edCsv = toCsv(ED_HEADER, edSorted.map(edRow));
  const policeCsv = toCsv(LOCAL_POLICE_HEADER, policeSorted.map(localPoliceRow));

  // Planted-cluster report.
  const realIdx = new PointIndex(source.months.flatMap((m) => m.points));
  const policeIdx = new PointIndex(policeSorted);
  const planted: PlantedClusterReport[] = [];
  for (const c of PLANTED_CLUSTERS) {
    const ms = monthsByForce.get(c.force);
    if (!ms) continue;
    const [e, n] = wgs84ToBng(c.lng, c.lat);
    planted.push({
      id: c.id,
      name: c.name,
      force: FORCES[c.force].name,
      local_authority: c.localAuthority,
      lat: c.lat,
      lng: c.lng,
      easting: Math.round(e),
      northing: Math.round(n),
      radius_m: c.radiusM,
      per_month_range: [c.perMonth[0], c.perMonth[1]],
      months: [...ms].sort(),
      planted_ed_records: edSorted.filter((r) => r.origin.kind === 'planted' && r.origin.clusterId === c.id).length,
      police_uk_violence_within_150m: realIdx.countWithin(c.lng, c.lat, 150),
      police_uk_violence_within_300m: realIdx.countWithin(c.lng, c.lat, 300),
      local_police_within_150m: policeIdx.countWithin(c.lng, c.lat, 150),
    });
  }
  const plantedJson =
    JSON.stringify(
      {
        description:
          'Planted ED-only clusters in the SYNTHETIC ISTV ED dataset: many ED assaults, little police-recorded violence. Generated by scripts/synth/generate.ts.',
        seed,
        ed_file: ED_FILE,
        local_police_file: LOCAL_POLICE_FILE,
        clusters: planted,
      },
      null,
      2,
    ) + '\n';

  return {
    seed,
    ed: edSorted,
    police: policeSorted,
    edCsv,
    policeCsv,
    edGz: gzipDeterministic(edCsv),
    policeGz: gzipDeterministic(policeCsv),
    plantedJson,
    planted,
    months,
  };
}

export interface GenerateOptions {
  seed?: number;
  dataDir?: string;
  selection?: Selection;
}

/** Load the police.uk violence points and synthesize. */
export async function generate(options: GenerateOptions = {}): Promise<SynthResult> {
  const source = await loadPoliceSource(
    options.dataDir ?? defaultPoliceDataDir(),
    options.selection ?? DEFAULT_SELECTION,
  );
  return synthesize(source, options.seed ?? DEFAULT_SEED);
}

export function writeOutputs(result: SynthResult, outDir: string): { file: string; bytes: number }[] {
  mkdirSync(outDir, { recursive: true });
  const files: [string, Buffer | string][] = [
    [ED_FILE, result.edGz],
    [LOCAL_POLICE_FILE, result.policeGz],
    [PLANTED_FILE, result.plantedJson],
  ];
  return files.map(([name, data]) => {
    const file = path.join(outDir, name);
    writeFileSync(file, data);
    return { file, bytes: Buffer.byteLength(data) };
  });
}

function parseArgs(argv: string[]): { seed: number; out: string; data: string } {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  let seed = DEFAULT_SEED;
  let out = path.join(repoRoot, 'geodata', 'sample', 'restricted');
  let data = defaultPoliceDataDir();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--seed') {
      seed = Number(next());
      if (!Number.isSafeInteger(seed)) throw new Error('--seed must be an integer');
    } else if (a === '--out') out = path.resolve(next());
    else if (a === '--data') data = path.resolve(next());
    else if (a === '--help' || a === '-h') {
      console.log('usage: npx tsx scripts/synth/generate.ts [--seed N] [--out DIR] [--data POLICE_UK_DIR]');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  return { seed, out, data };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const result = await generate({ seed: args.seed, dataDir: args.data });
  const written = writeOutputs(result, args.out);
  for (const w of written) console.log(`wrote ${w.file} (${w.bytes} bytes)`);
  for (const force of ['gwent', 'south-wales'] as const) {
    const ms = result.months.filter((m) => m.force === force);
    if (ms.length === 0) continue;
    const sum = (f: (m: MonthSummary) => number): number => ms.reduce((s, m) => s + f(m), 0);
    console.log(
      `${FORCES[force].name} ${ms[0]?.month}..${ms[ms.length - 1]?.month}: ` +
        `police.uk VSO kept ${sum((m) => m.policeUkVsoKept)}, violence kept ${sum((m) => m.policeUkViolenceKept)} ` +
        `(dropped: no coords ${sum((m) => m.policeUkViolenceNoCoords)}, outside area ${sum((m) => m.policeUkViolenceOutsideArea)}); ` +
        `ED ${sum((m) => m.edFromPolicePoints)} + planted ${sum((m) => m.edPlanted)}; local police ${sum((m) => m.localPoliceRows)}`,
    );
  }
  console.log(`ED rows ${result.ed.length}, local police rows ${result.police.length}, seed ${result.seed}`);
}

const invokedAs = process.argv[1] ? path.resolve(process.argv[1]) : '';
if (invokedAs === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
