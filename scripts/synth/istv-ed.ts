/**
 * Synthetic ISTV / Cardiff Model emergency-department assault records.
 * See the header of generate.ts for the assumptions.
 */
import { wgs84ToBng } from './bng.js';
import { jitterInDisc, type LonLat } from './geo.js';
import { assignHospital } from './hospitals.js';
import type { PlantedCluster } from './planted.js';
import type { ForceKey, ViolenceMonth } from './police-violence.js';
import { childRng, type Rng } from './random.js';
import {
  ED_PROFILE,
  ED_RESIDENTIAL_PROFILE,
  WeekTimeSampler,
  hhmm,
  isNightHour,
  isNteHour,
  isSchoolHours,
  sampleInMonth,
  sortKey,
  ukDate,
  type SampledDateTime,
} from './time-profile.js';

export const ED_HEADER =
  'record_id,attendance_date,attendance_time,easting,northing,assault_type,weapon,setting,assailants,age_band,sex,hospital';

export const WEAPONS = ['knife/sharp', 'blunt', 'body', 'glass/bottle', 'other'] as const;
export type Weapon = (typeof WEAPONS)[number];
export const SETTINGS = ['street', 'licensed premises', 'home', 'school', 'other'] as const;
export type Setting = (typeof SETTINGS)[number];
export const ASSAILANTS = ['1', '2', '3+', 'unknown'] as const;
export type Assailants = (typeof ASSAILANTS)[number];
export const AGE_BANDS = ['0-10', '11-17', '18-24', '25-34', '35-44', '45-54', '55-64', '65+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const SEXES = ['M', 'F', 'U'] as const;
export type Sex = (typeof SEXES)[number];

/** ED volume per force-month = round(U(min, max) * police.uk VSO rows kept that month). */
export const ED_SHARE_OF_VSO: readonly [number, number] = [0.12, 0.15];
/** Non-planted ED points: uniform in a disc of this radius around a real police.uk VSO point. */
export const ED_JITTER_M = 100;

export type EdOrigin =
  | { kind: 'police'; sourceLon: number; sourceLat: number }
  | { kind: 'planted'; clusterId: string };

export interface EdRecord {
  /** Assigned by finalizeEd (ED-000001 ...). */
  recordId: string;
  force: ForceKey;
  month: string;
  t: SampledDateTime;
  /** Jittered WGS84 location (unrounded), from which easting/northing are derived. */
  lon: number;
  lat: number;
  easting: number;
  northing: number;
  weapon: Weapon;
  setting: Setting;
  assailants: Assailants;
  ageBand: AgeBand;
  sex: Sex;
  hospital: string;
  origin: EdOrigin;
}

export interface EdAttributes {
  weapon: Weapon;
  setting: Setting;
  assailants: Assailants;
  ageBand: AgeBand;
  sex: Sex;
}

const BASE_AGE: Record<AgeBand, number> = {
  '0-10': 1.0,
  '11-17': 9,
  '18-24': 24,
  '25-34': 27,
  '35-44': 18,
  '45-54': 11,
  '55-64': 6,
  '65+': 4,
};

/**
 * Attribute model. Order: age band and sex (depend on time), setting (depends
 * on time, age, sex), weapon (depends on age, time, setting), assailants
 * (depends on setting and time).
 */
export function sampleEdAttributes(rng: Rng, dow: number, hour: number, planted: boolean): EdAttributes {
  const night = isNightHour(hour);
  const nte = isNteHour(dow, hour);
  const school = isSchoolHours(dow, hour);

  const ageBand = rng.weighted(
    AGE_BANDS.map((a) => {
      let w = BASE_AGE[a];
      if (night) {
        if (a === '0-10') w *= 0.1;
        else if (a === '11-17') w *= 0.4;
        else if (a === '18-24') w *= 1.4;
        else if (a === '55-64') w *= 0.6;
        else if (a === '65+') w *= 0.3;
      }
      if (school && a === '11-17') w *= 2.5;
      return [a, w] as const;
    }),
  );

  const sex = rng.weighted<Sex>([
    ['M', 0.7],
    ['F', 0.29],
    ['U', 0.01],
  ]);

  const youth = ageBand === '11-17' || ageBand === '0-10';
  let wStreet = 0.42;
  let wHome = 0.26;
  const wOther = 0.14;
  let wLicensed = nte ? 0.55 : hour >= 19 || hour < 4 ? 0.15 : 0.03;
  let wSchool = school && ageBand === '11-17' ? 0.35 : 0;
  if (sex === 'F') wHome *= 1.8;
  if (nte) wHome *= 0.5;
  if (youth) wLicensed *= 0.1;
  if (ageBand === '0-10') wHome *= 2;
  if (planted) {
    // Residential streets, no pubs or schools within 150 m.
    wLicensed = 0;
    wSchool = 0;
    wHome *= 1.5;
    wStreet *= 1.2;
  }
  const setting = rng.weighted<Setting>([
    ['street', wStreet],
    ['licensed premises', wLicensed],
    ['home', wHome],
    ['school', wSchool],
    ['other', wOther],
  ]);

  let wBody = 0.62;
  let wBlunt = 0.12;
  let wKnife = 0.063;
  let wGlass = 0.07;
  const wWeaponOther = 0.125;
  if (ageBand === '18-24') wKnife *= 1.7;
  if (night) wKnife *= 1.4;
  if (setting === 'licensed premises') wGlass *= 3;
  else if (setting === 'home') {
    wGlass *= 0.4;
    wBlunt *= 1.3;
  } else if (setting === 'street' && night) wGlass *= 1.3;
  if (setting === 'school') {
    wBody *= 1.3;
    wGlass = 0;
  }
  const weapon = rng.weighted<Weapon>([
    ['knife/sharp', wKnife],
    ['blunt', wBlunt],
    ['body', wBody],
    ['glass/bottle', wGlass],
    ['other', wWeaponOther],
  ]);

  let w1 = 0.58;
  let w2 = 0.16;
  let w3 = 0.11;
  const wUnknown = 0.15;
  if ((setting === 'street' || setting === 'licensed premises') && night) {
    w2 *= 1.2;
    w3 *= 1.6;
  }
  if (setting === 'home') {
    w1 *= 1.4;
    w3 *= 0.4;
  }
  const assailants = rng.weighted<Assailants>([
    ['1', w1],
    ['2', w2],
    ['3+', w3],
    ['unknown', wUnknown],
  ]);

  return { weapon, setting, assailants, ageBand, sex };
}

const edSampler = new WeekTimeSampler(ED_PROFILE);
const residentialSampler = new WeekTimeSampler(ED_RESIDENTIAL_PROFILE);

function makeRecord(
  rng: Rng,
  force: ForceKey,
  month: string,
  point: LonLat,
  origin: EdOrigin,
  sampler: WeekTimeSampler,
): EdRecord {
  const t = sampleInMonth(rng, sampler, month);
  const attrs = sampleEdAttributes(rng, t.dow, t.hour, origin.kind === 'planted');
  const hospital = assignHospital(rng, point.lon, point.lat);
  const [e, n] = wgs84ToBng(point.lon, point.lat);
  return {
    recordId: '',
    force,
    month,
    t,
    lon: point.lon,
    lat: point.lat,
    easting: Math.round(e),
    northing: Math.round(n),
    ...attrs,
    hospital,
    origin,
  };
}

/** ED assaults for one force-month, located at jittered real VSO points. */
export function generateEdMonth(seed: number, vm: ViolenceMonth): EdRecord[] {
  const rng = childRng(seed, 'ed', vm.force, vm.month);
  const vso = vm.points.filter((p) => p.crimeType === 'Violence and sexual offences');
  const n = Math.round(vso.length * rng.uniform(ED_SHARE_OF_VSO[0], ED_SHARE_OF_VSO[1]));
  const out: EdRecord[] = [];
  for (const i of rng.sampleIndices(vso.length, n)) {
    const src = vso[i];
    if (!src) continue;
    const p = jitterInDisc(rng, src.lon, src.lat, ED_JITTER_M);
    out.push(
      makeRecord(rng, vm.force, vm.month, p, { kind: 'police', sourceLon: src.lon, sourceLat: src.lat }, edSampler),
    );
  }
  return out;
}

/** Planted ED-only assaults for one cluster in one month. */
export function generatePlantedMonth(seed: number, cluster: PlantedCluster, month: string): EdRecord[] {
  const rng = childRng(seed, 'planted', cluster.id, month);
  const n = rng.int(cluster.perMonth[0], cluster.perMonth[1]);
  const out: EdRecord[] = [];
  for (let i = 0; i < n; i++) {
    const p = jitterInDisc(rng, cluster.lng, cluster.lat, cluster.radiusM);
    out.push(makeRecord(rng, cluster.force, month, p, { kind: 'planted', clusterId: cluster.id }, residentialSampler));
  }
  return out;
}

/** Sort by attendance date-time (stable) and assign ED-000001 ... */
export function finalizeEd(records: EdRecord[]): EdRecord[] {
  const sorted = records
    .map((r, i) => ({ r, i, k: sortKey(r.t) }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.i - b.i))
    .map((x) => x.r);
  sorted.forEach((r, i) => {
    r.recordId = `ED-${String(i + 1).padStart(6, '0')}`;
  });
  return sorted;
}

export function edRow(r: EdRecord): string[] {
  return [
    r.recordId,
    ukDate(r.t),
    hhmm(r.t),
    String(r.easting),
    String(r.northing),
    'Assault',
    r.weapon,
    r.setting,
    r.assailants,
    r.ageBand,
    r.sex,
    r.hospital,
  ];
}
