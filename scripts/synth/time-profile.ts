/**
 * Hour-of-week time profiles and date/time sampling within a calendar month.
 *
 * A profile is 168 weights indexed dow * 24 + hour, dow 0 = Monday .. 6 = Sunday.
 * Profiles are built from a 24-hour shape and a per-"night" day multiplier:
 * hours 00:00-05:59 belong to the previous day's night (01:30 on Saturday is
 * Friday night), so a Friday multiplier lifts Friday 06:00 .. Saturday 05:59.
 * Optionally the NTE cells (Fri/Sat 22:00-03:59) are boosted by a factor solved
 * so that the Fri 22:00 - Sun 04:00 window holds an exact expected share.
 *
 * Dates: the hour-of-week is drawn first, then a day of the month with that
 * weekday uniformly (so dates are uniform within the month given the weekday),
 * then the minute uniformly.
 */
import { CumulativeSampler, type Rng } from './random.js';

export const DOW_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

export interface ProfileSpec {
  /** 24 relative weights for hours 00..23 on an average day. */
  hourly: readonly number[];
  /** 7 multipliers Mon..Sun applied to each "night" (06:00 .. 05:59 next day). */
  nightMultiplier: readonly number[];
  /** If set, boost NTE cells so the Fri 22:00 - Sun 04:00 window has this expected share. */
  friSatWindowShare?: number;
}

/** Fri 22:00 - Sun 04:00 (30 hours: Fri night, all Saturday, Saturday night). */
export function inFriSatWindow(dow: number, hour: number): boolean {
  return (dow === 4 && hour >= 22) || dow === 5 || (dow === 6 && hour < 4);
}

/** Night-time economy hours: Friday and Saturday nights 22:00-03:59. */
export function isNteHour(dow: number, hour: number): boolean {
  return ((dow === 4 || dow === 5) && hour >= 22) || ((dow === 5 || dow === 6) && hour < 4);
}

/** Any night 22:00-03:59. */
export function isNightHour(hour: number): boolean {
  return hour >= 22 || hour < 4;
}

/** Weekday (Mon-Fri) 08:00-16:59: when school-setting assaults are possible. */
export function isSchoolHours(dow: number, hour: number): boolean {
  return dow <= 4 && hour >= 8 && hour < 17;
}

export function profileShare(weights: ArrayLike<number>, pred: (dow: number, hour: number) => boolean): number {
  let inside = 0;
  let total = 0;
  for (let i = 0; i < 168; i++) {
    const w = weights[i] as number;
    total += w;
    if (pred(Math.floor(i / 24), i % 24)) inside += w;
  }
  return inside / total;
}

export function buildWeekProfile(spec: ProfileSpec): Float64Array {
  if (spec.hourly.length !== 24) throw new Error('hourly profile needs 24 values');
  if (spec.nightMultiplier.length !== 7) throw new Error('nightMultiplier needs 7 values');
  const w = new Float64Array(168);
  for (let dow = 0; dow < 7; dow++) {
    for (let hour = 0; hour < 24; hour++) {
      const nightOwner = hour < 6 ? (dow + 6) % 7 : dow;
      w[dow * 24 + hour] = (spec.hourly[hour] as number) * (spec.nightMultiplier[nightOwner] as number);
    }
  }
  if (spec.friSatWindowShare !== undefined) {
    const s = spec.friSatWindowShare;
    let a = 0; // window, not boosted
    let b = 0; // boosted (NTE) cells, all inside the window
    let t = 0;
    for (let i = 0; i < 168; i++) {
      const dow = Math.floor(i / 24);
      const hour = i % 24;
      const x = w[i] as number;
      t += x;
      if (isNteHour(dow, hour)) b += x;
      else if (inFriSatWindow(dow, hour)) a += x;
    }
    const factor = (s * (t - b) - a) / (b * (1 - s));
    if (!(factor >= 1)) throw new Error(`profile cannot reach window share ${s} (factor ${factor})`);
    for (let i = 0; i < 168; i++) {
      if (isNteHour(Math.floor(i / 24), i % 24)) w[i] = (w[i] as number) * factor;
    }
  }
  return w;
}

export class WeekTimeSampler {
  readonly weights: Float64Array;
  private readonly sampler: CumulativeSampler;

  constructor(spec: ProfileSpec) {
    this.weights = buildWeekProfile(spec);
    this.sampler = new CumulativeSampler(this.weights);
  }

  sampleHourOfWeek(rng: Rng): { dow: number; hour: number } {
    const i = this.sampler.sample(rng);
    return { dow: Math.floor(i / 24), hour: i % 24 };
  }
}

export interface SampledDateTime {
  year: number;
  month: number;
  day: number;
  /** 0 = Monday .. 6 = Sunday */
  dow: number;
  hour: number;
  minute: number;
}

/** Monday-based weekday (0 = Mon .. 6 = Sun) of a calendar date. */
export function dowOf(year: number, month: number, day: number): number {
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const daysByDowCache = new Map<string, number[][]>();

function daysByDow(year: number, month: number): number[][] {
  const key = `${year}-${month}`;
  let v = daysByDowCache.get(key);
  if (!v) {
    v = [[], [], [], [], [], [], []];
    const n = daysInMonth(year, month);
    for (let d = 1; d <= n; d++) (v[dowOf(year, month, d)] as number[]).push(d);
    daysByDowCache.set(key, v);
  }
  return v;
}

/** Draw a date-time inside month `YYYY-MM` following the sampler's hour-of-week profile. */
export function sampleInMonth(rng: Rng, sampler: WeekTimeSampler, month: string): SampledDateTime {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const { dow, hour } = sampler.sampleHourOfWeek(rng);
  const day = rng.pick(daysByDow(year, mon)[dow] as number[]);
  const minute = rng.int(0, 59);
  return { year, month: mon, day, dow, hour, minute };
}

const p2 = (n: number): string => String(n).padStart(2, '0');

export function isoDate(t: SampledDateTime): string {
  return `${t.year}-${p2(t.month)}-${p2(t.day)}`;
}

export function ukDate(t: SampledDateTime): string {
  return `${p2(t.day)}/${p2(t.month)}/${t.year}`;
}

export function hhmm(t: SampledDateTime): string {
  return `${p2(t.hour)}:${p2(t.minute)}`;
}

/** Sortable key yyyymmddhhmm. */
export function sortKey(t: SampledDateTime): string {
  return `${t.year}${p2(t.month)}${p2(t.day)}${p2(t.hour)}${p2(t.minute)}`;
}

// ---------------------------------------------------------------------------
// The profiles used by the generator.

/** ED assault attendances: night-time-economy heavy; 37.5% in Fri 22:00 - Sun 04:00. */
export const ED_PROFILE: ProfileSpec = {
  hourly: [
    5.0, 4.3, 3.5, 2.5, 1.6, 1.0, 0.8, 0.9, 1.2, 1.5, 1.8, 2.1, 2.4, 2.6, 2.8, 3.1, 3.5, 3.9, 4.3, 4.7, 5.1, 5.5, 5.9,
    5.7,
  ],
  nightMultiplier: [0.85, 0.8, 0.85, 0.95, 1.2, 1.35, 1.0],
  friSatWindowShare: 0.375,
};

/** Planted ED-only residential clusters: evening peak, weekend nights heavier, no NTE boost. */
export const ED_RESIDENTIAL_PROFILE: ProfileSpec = {
  hourly: [
    3.5, 2.8, 2.0, 1.4, 0.9, 0.6, 0.6, 0.9, 1.3, 1.7, 2.0, 2.3, 2.6, 2.8, 3.1, 3.6, 4.2, 4.8, 5.3, 5.7, 5.9, 5.8, 5.2,
    4.4,
  ],
  nightMultiplier: [0.9, 0.85, 0.9, 0.95, 1.15, 1.3, 1.15],
};

/** Police: domestic abuse (mostly at home): evenings, weekends heavier. */
export const POLICE_DA_PROFILE: ProfileSpec = {
  hourly: [
    3.0, 2.5, 2.0, 1.5, 1.0, 0.8, 0.8, 1.2, 1.8, 2.2, 2.5, 2.8, 3.0, 3.0, 3.2, 3.6, 4.0, 4.6, 5.2, 5.6, 6.0, 6.0, 5.5,
    4.5,
  ],
  nightMultiplier: [0.95, 0.9, 0.9, 0.95, 1.1, 1.25, 1.2],
};

/** Police: non-domestic physical violence: NTE heavy (33% in Fri 22:00 - Sun 04:00). */
export const POLICE_STREET_PROFILE: ProfileSpec = {
  hourly: ED_PROFILE.hourly,
  nightMultiplier: ED_PROFILE.nightMultiplier,
  friSatWindowShare: 0.33,
};

/** Police: harassment, malicious communications, stalking, coercive control: daytime/evening. */
export const POLICE_COMMS_PROFILE: ProfileSpec = {
  hourly: [
    1.2, 0.8, 0.5, 0.3, 0.2, 0.3, 0.8, 1.8, 3.0, 3.8, 4.2, 4.4, 4.5, 4.5, 4.5, 4.6, 4.7, 4.8, 4.8, 4.8, 4.6, 4.2, 3.4,
    2.2,
  ],
  nightMultiplier: [1.05, 1.05, 1.05, 1.0, 1.0, 0.9, 0.95],
};

/** Police: sexual offences: evening and night, weekend nights heavier. */
export const POLICE_SEXUAL_PROFILE: ProfileSpec = {
  hourly: [
    4.5, 4.0, 3.2, 2.4, 1.6, 1.0, 0.8, 1.0, 1.5, 2.0, 2.4, 2.6, 2.8, 3.0, 3.2, 3.5, 3.8, 4.0, 4.2, 4.5, 4.8, 5.0, 5.2,
    5.0,
  ],
  nightMultiplier: [0.9, 0.85, 0.9, 0.95, 1.15, 1.35, 1.1],
};

/** Police: robbery: afternoon to late evening. */
export const POLICE_ROBBERY_PROFILE: ProfileSpec = {
  hourly: [
    3.5, 3.0, 2.3, 1.6, 1.0, 0.6, 0.5, 0.7, 1.0, 1.5, 2.0, 2.6, 3.0, 3.4, 3.8, 4.5, 5.0, 5.2, 5.4, 5.6, 5.8, 5.6, 5.0,
    4.3,
  ],
  nightMultiplier: [0.95, 0.95, 0.95, 1.0, 1.15, 1.15, 0.95],
};

/** Police: possession of weapons (largely stop-search driven): afternoon and evening. */
export const POLICE_WEAPONS_PROFILE: ProfileSpec = {
  hourly: [
    2.8, 2.2, 1.6, 1.1, 0.7, 0.4, 0.4, 0.6, 1.0, 1.6, 2.2, 2.8, 3.4, 3.8, 4.2, 4.8, 5.2, 5.4, 5.6, 5.8, 5.8, 5.4, 4.6,
    3.6,
  ],
  nightMultiplier: [1.0, 1.0, 1.0, 1.0, 1.15, 1.15, 0.9],
};
