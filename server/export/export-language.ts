import { z } from 'zod';
import { HTML_LANG, LANGUAGES, type Language, type MessageKey, translate } from '../domain/i18n/translate.js';

/** An export's `lang` query parameter: the language of its headers and notes (English unless asked). */
export const exportLanguageQuery = z.object({ lang: z.enum(LANGUAGES).default('en') });

/** The catalogue key of each column people read; identifiers (h3, id, ip) and statistics' symbols (p, q) stay as they are. */
const COLUMN_KEYS: Readonly<Record<string, MessageKey>> = {
  location: 'exports.col.location',
  current: 'exports.col.current',
  comparison: 'exports.col.comparison',
  class: 'exports.col.class',
  lad_code: 'exports.col.ladCode',
  lad_name: 'exports.col.ladName',
  pfa_code: 'exports.col.pfaCode',
  police_count: 'exports.col.policeCount',
  ed_count: 'exports.col.edCount',
  police_level: 'exports.col.policeLevel',
  ed_level: 'exports.col.edLevel',
  police_gi_class: 'exports.col.policeGiClass',
  ed_gi_class: 'exports.col.edGiClass',
  at: 'exports.col.at',
  user: 'exports.col.user',
  action: 'exports.col.action',
  outcome: 'exports.col.outcome',
  target: 'exports.col.target',
  datasets: 'exports.col.datasets',
  selection: 'exports.col.selection',
  summary: 'exports.col.summary',
};

/** A CSV header in a language: each column's name from the catalogue (English gives the columns' own names). */
export function exportHeader(language: Language, columns: readonly string[]): string[] {
  return columns.map((column) => {
    const key = COLUMN_KEYS[column];
    return key ? translate(language, key) : column;
  });
}

/** What an export says of its language: the Content-Language header's value, and the word for a withheld count. */
export const exportLanguageLabels = (language: Language) => ({
  contentLanguage: HTML_LANG[language],
  suppressed: translate(language, 'exports.suppressed'),
});
