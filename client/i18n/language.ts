import { useCallback, useSyncExternalStore } from 'react';
import {
  HTML_LANG,
  isLanguage,
  type Language,
  type MessageKey,
  type MessageParams,
  type Translate,
  translate,
} from '../../server/domain/i18n/translate';

export type { Language, MessageKey, Translate } from '../../server/domain/i18n/translate';

const STORAGE_KEY = 'hotspot.language';

/** The language a page opens in: `?lang=` in the address, else the user's last choice, else English. */
function initialLanguage(): Language {
  if (typeof window === 'undefined') return 'en';
  const asked = new URLSearchParams(window.location.search).get('lang');
  if (isLanguage(asked)) return asked;
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage may be refused (private windows); English then.
  }
  return 'en';
}

let current: Language = initialLanguage();
const listeners = new Set<() => void>();

function applyToDocument(language: Language) {
  if (typeof document !== 'undefined') document.documentElement.lang = HTML_LANG[language];
}
applyToDocument(current);

/** Switches every page to a language, remembers it, and marks the document's language for screen readers. */
export function setLanguage(language: Language) {
  if (language === current) return;
  current = language;
  applyToDocument(language);
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered; the switch still applies to this page.
  }
  for (const listener of listeners) listener();
}

export const currentLanguage = (): Language => current;

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The interface language; components re-render when it changes. */
export function useLanguage(): Language {
  return useSyncExternalStore(subscribe, currentLanguage, currentLanguage);
}

/** The translator for the current language: `t('map.view.counts')`, `t('map.cells', { n: 12 })`. */
export function useT(): Translate {
  const language = useLanguage();
  return useCallback((key: MessageKey, params?: MessageParams) => translate(language, key, params), [language]);
}
