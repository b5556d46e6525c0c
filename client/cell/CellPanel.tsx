import type { ReactNode } from 'react';
import { NearbyList } from '../places/NearbyList';
import { SeriesChart } from '../panel/SeriesChart';
import { hotspotClassLabel, useVocabulary } from '../reference/vocabulary';
import { WeekHourGrid } from '../timeprofile/WeekHourGrid';
import type { CellDetailBody } from './cellDetail';
import './cell-panel.css';
import { giClassLabel } from '../hotspots/HotspotLegend';
import { type Language, type Translate, useLanguage, useT } from '../i18n/language';

/** "Mar 24" ("Maw 24" in Welsh): the catalogue's short month name, as browsers' ICU may lack Welsh. */
function monthLabel(month: string, t: Translate): string {
  return `${t('cell.monthNames').split(' ')[Number(month.slice(5, 7)) - 1]} ${month.slice(2, 4)}`;
}

/** A released count in words: the number, or "fewer than k" where it is withheld. */
function countText(t: Translate, count: number | null, threshold: number | null): string {
  if (count === null) return t('cell.fewerThan', { k: threshold ?? '?' });
  return t('common.number', { n: count });
}

/** "Newport 014A · Newport" (in Welsh, "Casnewydd"), the name a person reads when the cell has no street name. */
function placeLine(d: CellDetailBody, t: Translate, language: Language): string {
  const lad = (language === 'cy' ? d.lad?.nameWelsh : null) ?? d.lad?.name ?? d.lad?.code ?? null;
  return [d.lsoa ? t('cell.lsoa', { name: d.lsoa.name ?? d.lsoa.code }) : null, lad].filter(Boolean).join(' · ');
}

/**
 * The panel of one cell of the map: what it holds over the selection (counts by month, offence
 * mix, time profile where times exist), where it is (LSOA, authority, residents, rate), its Gi*
 * class and the neighbourhood that made it, the settings nearest it, and what the partnership's
 * panels have noted there. Every figure is the server's released value.
 */
export function CellPanel({
  detail,
  loading,
  error,
  onClose,
  children,
}: {
  detail: CellDetailBody | null;
  loading: boolean;
  error: string | null;
  onClose: () => void;
  /** What the map's view adds about the cell (the space-time series). */
  children?: ReactNode;
}) {
  const { hotspotClasses } = useVocabulary();
  const t = useT();
  const language = useLanguage();
  const d = detail;
  const title = d ? (d.name?.label ?? d.lsoa?.name ?? t('cell.titleOf', { h3: d.h3 })) : t('cell.title');
  return (
    <section
      className="cell-panel map-card"
      aria-labelledby="cell-panel-title"
      data-h3={d?.h3 ?? ''}
      // Escape closes the panel from anywhere inside it, as a keyboard user expects.
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <header className="cell-panel-head">
        <h2 id="cell-panel-title">{title}</h2>
        <button type="button" className="cell-panel-close" onClick={onClose} aria-label={t('cell.close')}>
          ×
        </button>
      </header>
      {error && <p className="form-error">{error}</p>}
      {loading && !d && <p className="hint">{t('common.loading')}</p>}
      {d && (
        <div className="cell-panel-body" aria-busy={loading}>
          <p className="cell-place">{placeLine(d, t, language)}</p>
          <p className="hint cell-id">{t('cell.id', { h3: d.h3, res: d.res })}</p>
          <p className="cell-total">
            <strong>{countText(t, d.count, d.threshold)}</strong>
            {t('cell.incidents', { from: d.from, to: d.to })}
            {d.population !== null && t('cell.residents', { n: Math.round(d.population) })}
            {d.rate !== null && t('cell.rate', { rate: d.rate.toFixed(1) })}
          </p>
          {d.disclosure.note && <p className="hint">{d.disclosure.note}</p>}

          <h3>{t('cell.countsByMonth')}</h3>
          <SeriesChart
            counts={d.months.map((m) => m.count)}
            labels={d.months.map((m) => monthLabel(m.month, t))}
            threshold={d.threshold}
            covered={d.months.map((m) => m.covered)}
          />
          <p className="hint cell-months">
            {d.months.map((m) => monthLabel(m.month, t)).join(' · ')}
            {d.months.some((m) => !m.covered) && t('cell.notCovered')}
          </p>

          <h3>{t('cell.offenceMix')}</h3>
          {d.offenceMix.length === 0 ? (
            <p className="hint">{t('cell.noIncidents')}</p>
          ) : (
            <table className="data-table cell-mix">
              <caption className="cell-visually-hidden">{t('cell.mixCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('cell.offenceGroup')}</th>
                  <th scope="col">{t('cell.incidentsHead')}</th>
                </tr>
              </thead>
              <tbody>
                {d.offenceMix.map((g) => (
                  <tr key={g.id}>
                    <td>{g.label}</td>
                    <td>{countText(t, g.count, d.threshold)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}

          <h3>{t('cell.timeProfile')}</h3>
          {d.timeProfile ? (
            <WeekHourGrid counts={d.timeProfile} threshold={d.threshold} />
          ) : (
            <p className="hint">{d.timeProfileNote}</p>
          )}

          <h3>{t('cell.giClass')}</h3>
          {d.gi ? (
            <p>
              {giClassLabel(t, language, d.gi.class, hotspotClassLabel(hotspotClasses, d.gi.class)) ||
                t('cell.classN', { n: d.gi.class })}
              {d.gi.z !== null && ` · z ${d.gi.z.toFixed(2)}`}
              <br />
              <span className="hint">
                {t('cell.neighbourhood', {
                  ring: d.gi.ring,
                  auto: d.gi.auto ? t('cell.chosenAutomatically') : '',
                  n: d.gi.neighbours.length,
                  sum: `${t('common.number', {
                    n: d.gi.neighbours.map((n) => n.count).reduce<number>((a, n) => a + (n ?? 0), 0),
                  })}${d.gi.neighbours.some((n) => n.count === null) ? '+' : ''}`,
                })}
              </span>
            </p>
          ) : (
            <p className="hint">{d.giNote}</p>
          )}

          <h3>{t('cell.nearest', { m: d.settingsWithin })}</h3>
          <div className="cell-nearest">
            <NearbyList nearest={d.nearest} />
          </div>

          <h3>{t('cell.notes')}</h3>
          {d.notes.length === 0 ? (
            <p className="hint">{t('cell.noNotes')}</p>
          ) : (
            <ul className="notes cell-notes">
              {d.notes.map((n) => (
                <li key={n.id}>
                  <span className="hint">
                    {n.panelName}, {n.meetingDate} · {n.kind}
                    {n.status ? ` (${n.status})` : ''}
                    {n.owner ? ` · ${n.owner}` : ''}:
                  </span>{' '}
                  {n.body}
                </li>
              ))}
            </ul>
          )}
          {d.sourcesNote && <p className="hint">{d.sourcesNote}</p>}
        </div>
      )}
      {children}
    </section>
  );
}
