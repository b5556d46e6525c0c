/**
 * Synthetic restricted local police extract: one row per real police.uk
 * violence-related row, with a daily date, a time, an offence description and
 * flags. See the header of generate.ts for the assumptions.
 */
import { jitterInDisc, roundTo } from './geo.js';
import { offencesFor, type OffenceDescription, type TimeProfileKey } from './offences.js';
import { FORCES, type ForceKey, type ViolenceCrimeType, type ViolenceMonth } from './police-violence.js';
import { childRng, type Rng } from './random.js';
import {
  POLICE_COMMS_PROFILE,
  POLICE_DA_PROFILE,
  POLICE_ROBBERY_PROFILE,
  POLICE_SEXUAL_PROFILE,
  POLICE_STREET_PROFILE,
  POLICE_WEAPONS_PROFILE,
  WeekTimeSampler,
  hhmm,
  isNightHour,
  isNteHour,
  isoDate,
  sampleInMonth,
  sortKey,
  type SampledDateTime,
} from './time-profile.js';

export const LOCAL_POLICE_HEADER =
  'occurrence_ref,committed_date,committed_time,latitude,longitude,offence_description,domestic_abuse,knife_sharp,alcohol_related,force';

/** Each row is the real police.uk point moved uniformly within a disc of this radius. */
export const POLICE_JITTER_M = 100;

export interface LocalPoliceRecord {
  /** Assigned by finalizeLocalPolice (GW/2024/012345). */
  ref: string;
  force: ForceKey;
  month: string;
  t: SampledDateTime;
  /** Jittered location, rounded to 6 decimal places (as written). */
  lat: number;
  lon: number;
  offence: OffenceDescription;
  domesticAbuse: boolean;
  knifeSharp: boolean;
  alcoholRelated: boolean;
  source: { lon: number; lat: number; crimeType: ViolenceCrimeType };
}

const SAMPLERS: Record<TimeProfileKey, WeekTimeSampler> = {
  street: new WeekTimeSampler(POLICE_STREET_PROFILE),
  da: new WeekTimeSampler(POLICE_DA_PROFILE),
  comms: new WeekTimeSampler(POLICE_COMMS_PROFILE),
  sexual: new WeekTimeSampler(POLICE_SEXUAL_PROFILE),
  robbery: new WeekTimeSampler(POLICE_ROBBERY_PROFILE),
  weapons: new WeekTimeSampler(POLICE_WEAPONS_PROFILE),
};

const OFFENCES_BY_TYPE: Record<ViolenceCrimeType, readonly (readonly [OffenceDescription, number])[]> = {
  'Violence and sexual offences': offencesFor('Violence and sexual offences'),
  Robbery: offencesFor('Robbery'),
  'Possession of weapons': offencesFor('Possession of weapons'),
};

/** Time profile: domestic physical/sexual/threat offences follow the at-home DA profile. */
export function profileFor(offence: OffenceDescription, domesticAbuse: boolean): TimeProfileKey {
  if (domesticAbuse && (offence.profile === 'street' || offence.profile === 'sexual')) return 'da';
  return offence.profile;
}

export function generateLocalPoliceMonth(seed: number, vm: ViolenceMonth): LocalPoliceRecord[] {
  const rng = childRng(seed, 'police', vm.force, vm.month);
  const out: LocalPoliceRecord[] = [];
  for (const src of vm.points) {
    const offence = rng.weighted(OFFENCES_BY_TYPE[src.crimeType]);
    const domesticAbuse = rng.bool(offence.daRate);
    const t = sampleInMonth(rng, SAMPLERS[profileFor(offence, domesticAbuse)], vm.month);
    const [pNte, pNight, pOther] = offence.alcoholRate;
    const pAlcohol = isNteHour(t.dow, t.hour) ? pNte : isNightHour(t.hour) ? pNight : pOther;
    const alcoholRelated = rng.bool(pAlcohol);
    const knifeSharp = rng.bool(offence.knifeRate);
    const p = jitterInDisc(rng, src.lon, src.lat, POLICE_JITTER_M);
    out.push({
      ref: '',
      force: vm.force,
      month: vm.month,
      t,
      lat: roundTo(p.lat, 6),
      lon: roundTo(p.lon, 6),
      offence,
      domesticAbuse,
      knifeSharp,
      alcoholRelated,
      source: { lon: src.lon, lat: src.lat, crimeType: src.crimeType },
    });
  }
  return out;
}

/**
 * Order by force (Gwent first) then committed date-time, and assign
 * occurrence refs <prefix>/<year>/<6 digits>, increasing within a force-year
 * with gaps of 1-8 (other, non-violence occurrences take the numbers between).
 */
export function finalizeLocalPolice(seed: number, records: LocalPoliceRecord[]): LocalPoliceRecord[] {
  const forceOrder: ForceKey[] = ['gwent', 'south-wales'];
  const sorted = records
    .map((r, i) => ({ r, i, k: sortKey(r.t), f: forceOrder.indexOf(r.force) }))
    .sort((a, b) => a.f - b.f || (a.k < b.k ? -1 : a.k > b.k ? 1 : a.i - b.i))
    .map((x) => x.r);
  const counters = new Map<string, { rng: Rng; n: number }>();
  for (const r of sorted) {
    const key = `${r.force}/${r.t.year}`;
    let c = counters.get(key);
    if (!c) {
      const rng = childRng(seed, 'ref', key);
      c = { rng, n: rng.int(20, 400) };
      counters.set(key, c);
    } else {
      c.n += c.rng.int(1, 8);
    }
    const n = c.n;
    if (n > 999999) throw new Error(`occurrence number overflow for ${key}`);
    r.ref = `${FORCES[r.force].refPrefix}/${r.t.year}/${String(n).padStart(6, '0')}`;
  }
  return sorted;
}

const yn = (b: boolean): string => (b ? 'Y' : 'N');

export function localPoliceRow(r: LocalPoliceRecord): string[] {
  return [
    r.ref,
    isoDate(r.t),
    hhmm(r.t),
    r.lat.toFixed(6),
    r.lon.toFixed(6),
    r.offence.description,
    yn(r.domesticAbuse),
    yn(r.knifeSharp),
    yn(r.alcoholRelated),
    FORCES[r.force].name,
  ];
}
