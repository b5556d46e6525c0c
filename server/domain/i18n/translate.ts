import { cy } from './cy/index.js';
import { en, type MessageKey } from './en/index.js';

export type { MessageKey } from './en/index.js';

/** The languages of the interface, exports and reports: English and Welsh. */
export const LANGUAGES = ['en', 'cy'] as const;
export type Language = (typeof LANGUAGES)[number];

export const isLanguage = (value: unknown): value is Language => value === 'en' || value === 'cy';

/** The HTML lang attribute for each language. */
export const HTML_LANG: Record<Language, string> = { en: 'en-GB', cy: 'cy' };

const CATALOGUES: Record<Language, Record<MessageKey, string>> = { en, cy };

export type MessageParams = Record<string, string | number>;

/**
 * A message in a language, with `{name}` placeholders filled from params (numbers written the
 * language's way). A placeholder without a value is left as it is, so a gap shows in review.
 */
export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  const text = CATALOGUES[language][key];
  if (!params) return text;
  const locale = HTML_LANG[language];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? value.toLocaleString(locale) : value;
  });
}

/** A translator bound to one language. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export const translator =
  (language: Language): Translate =>
  (key, params) =>
    translate(language, key, params);
