/** The spellings suppliers use for the controlled values of ED / local-extract attributes. */
import type { SETTINGS, WEAPONS } from '../domain/attributes.js';

const WEAPON_SYNONYMS: Record<string, (typeof WEAPONS)[number]> = {
  knife: 'knife/sharp',
  sharp: 'knife/sharp',
  'knife/sharp': 'knife/sharp',
  'knife or sharp object': 'knife/sharp',
  'sharp object': 'knife/sharp',
  blade: 'knife/sharp',
  blunt: 'blunt',
  'blunt object': 'blunt',
  'blunt instrument': 'blunt',
  body: 'body',
  'body part': 'body',
  fist: 'body',
  fists: 'body',
  feet: 'body',
  'hands/feet': 'body',
  none: 'body',
  glass: 'glass/bottle',
  bottle: 'glass/bottle',
  'glass/bottle': 'glass/bottle',
  'glass or bottle': 'glass/bottle',
  firearm: 'firearm',
  gun: 'firearm',
  other: 'other',
  unknown: 'unknown',
  'not known': 'unknown',
  '': 'unknown',
};

const SETTING_SYNONYMS: Record<string, (typeof SETTINGS)[number]> = {
  street: 'street',
  'street/public place': 'street',
  'public place': 'street',
  outdoors: 'street',
  'licensed premises': 'licensed premises',
  pub: 'licensed premises',
  bar: 'licensed premises',
  club: 'licensed premises',
  nightclub: 'licensed premises',
  'pub/club': 'licensed premises',
  home: 'home',
  dwelling: 'home',
  'private dwelling': 'home',
  residence: 'home',
  school: 'school',
  'school/college': 'school',
  prison: 'prison',
  other: 'other',
  unknown: 'unknown',
  'not known': 'unknown',
  '': 'unknown',
};

const AGE_BAND = /^(\d{1,2}-\d{1,3}|\d{1,3}\+|unknown)$/;

export const normaliseWeapon = (v: string) => WEAPON_SYNONYMS[v.trim().toLowerCase()] ?? null;
export const normaliseSetting = (v: string) => SETTING_SYNONYMS[v.trim().toLowerCase()] ?? null;
export function normaliseAgeBand(v: string): string | null {
  const t = v.trim().toLowerCase().replace(/\s+/g, '');
  if (t === '') return 'unknown';
  return AGE_BAND.test(t) ? t : null;
}

const TRUE = new Set(['y', 'yes', 'true', '1', 't']);
const FALSE = new Set(['n', 'no', 'false', '0', 'f', '']);
/** Y/N style flags; undefined when the value is not a recognised yes or no. */
export function parseFlag(v: string): boolean | undefined {
  const t = v.trim().toLowerCase();
  if (TRUE.has(t)) return true;
  if (FALSE.has(t)) return false;
  return undefined;
}
