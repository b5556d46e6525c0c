import { useReferenceData } from '../reference/useReferenceData';
import { SnaReport, type SnaSelection } from './SnaReport';

/** The selection a link to the chapter carries in its query string. */
export function snaLink(s: SnaSelection): string {
  const q = new URLSearchParams({
    area: s.area,
    police: s.police.join(','),
    ed: s.ed.join(','),
    from: s.from,
    to: s.to,
    groups: s.groups.join(','),
  });
  if (s.public) q.set('public', 'true');
  return `/sna?${q.toString()}`;
}

function selectionFromUrl(): SnaSelection | null {
  const q = new URLSearchParams(window.location.search);
  const ids = (k: string) => (q.get(k) ?? '').split(',').filter(Boolean).map(Number);
  const [area, from, to] = [q.get('area'), q.get('from'), q.get('to')];
  if (!area || !from || !to || ids('police').length === 0) return null;
  return {
    area,
    police: ids('police'),
    ed: ids('ed'),
    from,
    to,
    groups: (q.get('groups') ?? 'violence-sexual').split(',').filter(Boolean),
    public: q.get('public') === 'true',
  };
}

/** The printable SNA place chapter for the selection in the URL (opened from the Police and ED page). */
export function SnaPage({ onBack }: { onBack: () => void }) {
  const reference = useReferenceData();
  const selection = selectionFromUrl();
  return (
    <div className="report-page">
      <p className="no-print report-actions">
        <button type="button" className="link-button" onClick={onBack}>
          Back
        </button>{' '}
        <button type="button" onClick={() => window.print()}>
          Print or save as PDF
        </button>{' '}
        {selection && (
          <a href={snaLink({ ...selection, public: !selection.public })}>
            {selection.public ? "Analysts' version" : 'Public version (for publication)'}
          </a>
        )}
      </p>
      {!selection ? (
        <p className="form-error">This link names no area, police datasets or period.</p>
      ) : (
        reference.groups && <SnaReport selection={selection} groups={reference.groups} />
      )}
    </div>
  );
}
