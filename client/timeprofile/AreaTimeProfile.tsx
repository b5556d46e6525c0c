import { useState } from 'react';
import type { CellsQuery } from '../cells/analysis';
import { useT } from '../i18n/language';
import type { Period } from '../period/months';
import { useRequest } from '../reference/useRequest';
import { exportTimeProfileCsv } from './exportTimeProfileCsv';
import { fetchTimeProfile } from './fetchTimeProfile';
import { WeekHourGrid } from './WeekHourGrid';
import { WeekHourTable } from './WeekHourTable';
import { busiestSentence } from './weekHour';

/** The months of the period the datasets hold, or null where they hold none of it. */
function coveredPart(period: Period, bounds: Period | null): Period | null {
  if (!bounds || bounds.to < period.from || bounds.from > period.to) return null;
  return {
    from: bounds.from > period.from ? bounds.from : period.from,
    to: bounds.to < period.to ? bounds.to : period.to,
  };
}

/**
 * The whole area's week, weekday by hour, for the map's selection: the grid with totals, the
 * busiest hours in a sentence, a table of the same figures and a CSV. Where the server refuses
 * (datasets without times) its reason stands in place of the grid; months no selected dataset
 * holds are said to be missing, never counted as quiet.
 */
export function AreaTimeProfile({
  query,
  areaName,
  datasetNames,
  bounds,
  onClose,
}: {
  query: CellsQuery | null;
  areaName: string | null;
  datasetNames: readonly string[];
  bounds: Period | null;
  onClose: () => void;
}) {
  const t = useT();
  const covered = query ? coveredPart(query.period, bounds) : null;
  const profile = useRequest(covered ? query : null, fetchTimeProfile, 'the time profile');
  const [exportError, setExportError] = useState<string | null>(null);
  const body = profile.data?.profile ?? null;
  const refused = profile.data?.refused ?? null;
  return (
    <section
      className="time-profile-panel map-card"
      aria-labelledby="time-profile-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <header className="time-profile-head">
        <div>
          <h2 id="time-profile-title">{t('timeprofile.title')}</h2>
          {query && (
            <p className="hint">
              {t('timeprofile.scope', {
                area: areaName ?? t('timeprofile.allAreas'),
                from: query.period.from,
                to: query.period.to,
                datasets: datasetNames.join(', '),
              })}
            </p>
          )}
        </div>
        <button type="button" className="cell-panel-close" onClick={onClose} aria-label={t('timeprofile.close')}>
          ×
        </button>
      </header>
      {!query && <p className="hint">{t('timeprofile.nothingSelected')}</p>}
      {query && !covered && (
        <p className="time-profile-refused" role="status">
          {t('timeprofile.uncovered', { from: query.period.from, to: query.period.to })}
        </p>
      )}
      {covered && (covered.from !== query?.period.from || covered.to !== query?.period.to) && (
        <p className="hint">{t('timeprofile.partlyCovered', { from: covered.from, to: covered.to })}</p>
      )}
      {profile.error && <p className="form-error">{profile.error}</p>}
      {profile.loading && !body && !refused && <p className="hint">{t('timeprofile.loading')}</p>}
      {refused && (
        <p className="time-profile-refused" role="status">
          {t('timeprofile.refused', { reason: refused })}
        </p>
      )}
      {body && query && (
        <div aria-busy={profile.loading}>
          <p className="time-profile-busiest">{busiestSentence(t, body.counts)}</p>
          <WeekHourGrid counts={body.counts} threshold={body.threshold} variant="full" />
          {body.sourcesNote && <p className="hint">{body.sourcesNote}</p>}
          <div className="time-profile-actions">
            <button
              type="button"
              onClick={() => {
                setExportError(null);
                exportTimeProfileCsv(body, query).catch((error: unknown) =>
                  setExportError(t('timeprofile.csvFailed', { reason: String((error as Error).message ?? error) })),
                );
              }}
            >
              {t('timeprofile.csv')}
            </button>
          </div>
          {exportError && <p className="form-error">{exportError}</p>}
          <details className="time-profile-table">
            <summary>{t('timeprofile.table.show')}</summary>
            <WeekHourTable counts={body.counts} threshold={body.threshold} />
          </details>
        </div>
      )}
    </section>
  );
}
