import { useReferenceData } from '../reference/useReferenceData';
import { pageUrl, useSelection } from '../selection/location';
import type { Selection } from '../selection/selection';
import { SnaReport, type SnaSelection } from './SnaReport';
import { LinkButton } from '../controls/LinkButton';
import { useT } from '../i18n/language';

/** The chapter's selection from the URL's, or null when it names no area, police datasets or period. */
function chapterOf(s: Selection): SnaSelection | null {
  if (!s.area || s.area === 'all' || !s.from || !s.to || !s.police?.length) return null;
  return {
    area: s.area,
    police: s.police,
    ed: s.ed ?? [],
    from: s.from,
    to: s.to,
    groups: s.groups?.length ? s.groups : ['violence-sexual'],
    public: s.public ?? false,
  };
}

/** The printable SNA place chapter for the selection in the URL (opened from the Police and ED page). */
export function SnaPage({ onBack }: { onBack: () => void }) {
  const reference = useReferenceData();
  const [selection] = useSelection();
  const chapter = chapterOf(selection);
  const t = useT();
  return (
    <main className="report-page">
      <p className="no-print report-actions">
        <LinkButton onClick={onBack}>{t('sna.back')}</LinkButton>{' '}
        <button type="button" onClick={() => window.print()}>
          {t('sna.print')}
        </button>{' '}
        {chapter && (
          <a href={pageUrl('sna', { ...selection, public: !chapter.public || undefined })}>
            {chapter.public ? t('sna.analystsVersion') : t('sna.publicVersion')}
          </a>
        )}
      </p>
      {!chapter ? (
        <p className="form-error">{t('sna.noSelection')}</p>
      ) : (
        <SnaReport selection={chapter} groups={reference.groups} />
      )}
    </main>
  );
}
