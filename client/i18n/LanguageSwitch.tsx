import { HTML_LANG, type Language } from '../../server/domain/i18n/translate';
import { setLanguage, useLanguage } from './language';

/** The other language's name, written in that language (and marked so), as a one-click switch. */
const OTHER: Record<Language, { language: Language; label: string }> = {
  en: { language: 'cy', label: 'Cymraeg' },
  cy: { language: 'en', label: 'English' },
};

export function LanguageSwitch() {
  const other = OTHER[useLanguage()];
  return (
    <button
      type="button"
      className="link-button language-switch"
      lang={HTML_LANG[other.language]}
      onClick={() => setLanguage(other.language)}
    >
      {other.label}
    </button>
  );
}
