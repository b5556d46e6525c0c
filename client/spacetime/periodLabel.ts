import { HTML_LANG, type Language } from '../../server/domain/i18n/translate';

/**
 * A period of the series as a person reads it: its month and year in the interface language
 * where it is one whole month, else its dates (the server's label is English).
 */
export function periodLabel(period: { from: string; to: string }, language: Language): string {
  const from = new Date(`${period.from}T00:00:00Z`);
  const next = new Date(`${period.to}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const wholeMonth =
    from.getUTCDate() === 1 && next.getUTCDate() === 1 && next.getUTCMonth() === (from.getUTCMonth() + 1) % 12;
  if (!wholeMonth) return `${period.from} – ${period.to}`;
  return from.toLocaleDateString(HTML_LANG[language], { month: 'short', year: 'numeric', timeZone: 'UTC' });
}
