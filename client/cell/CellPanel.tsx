import { NearbyList } from '../places/NearbyList';
import { SeriesChart } from '../panel/SeriesChart';
import { hotspotClassLabel, useVocabulary } from '../reference/vocabulary';
import type { CellDetailBody } from './cellDetail';
import { TimeProfileTable } from './TimeProfileTable';
import './cell-panel.css';

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const monthLabel = (month: string) => `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(2, 4)}`;

/** A released count in words: the number, or "fewer than k" where it is withheld. */
function countText(count: number | null, threshold: number | null): string {
  if (count === null) return `fewer than ${threshold ?? '?'}`;
  return count.toLocaleString('en-GB');
}

/** "Newport 014A · Newport", the name a person reads when the cell has no street name. */
function placeLine(d: CellDetailBody): string {
  return [d.lsoa ? `LSOA ${d.lsoa.name ?? d.lsoa.code}` : null, d.lad?.name ?? d.lad?.code ?? null]
    .filter(Boolean)
    .join(' · ');
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
}: {
  detail: CellDetailBody | null;
  loading: boolean;
  error: string | null;
  onClose: () => void;
}) {
  const { hotspotClasses } = useVocabulary();
  const d = detail;
  const title = d ? (d.name?.label ?? d.lsoa?.name ?? `Cell ${d.h3}`) : 'Cell';
  return (
    <section
      className="cell-panel"
      aria-labelledby="cell-panel-title"
      data-h3={d?.h3 ?? ''}
      // Escape closes the panel from anywhere inside it, as a keyboard user expects.
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <header className="cell-panel-head">
        <h2 id="cell-panel-title">{title}</h2>
        <button type="button" className="cell-panel-close" onClick={onClose} aria-label="Close the cell panel">
          ×
        </button>
      </header>
      {error && <p className="form-error">{error}</p>}
      {loading && !d && <p className="hint">Loading…</p>}
      {d && (
        <div className="cell-panel-body" aria-busy={loading}>
          <p className="cell-place">{placeLine(d)}</p>
          <p className="hint cell-id">
            H3 {d.h3} (resolution {d.res})
          </p>
          <p className="cell-total">
            <strong>{countText(d.count, d.threshold)}</strong> incidents, {d.from} to {d.to}
            {d.population !== null && ` · ${Math.round(d.population).toLocaleString('en-GB')} residents`}
            {d.rate !== null && ` · ${d.rate.toFixed(1)} per 1,000`}
          </p>
          {d.disclosure.note && <p className="hint">{d.disclosure.note}</p>}

          <h3>Counts by month</h3>
          <SeriesChart
            counts={d.months.map((m) => m.count)}
            labels={d.months.map((m) => monthLabel(m.month))}
            threshold={d.threshold}
            covered={d.months.map((m) => m.covered)}
          />
          <p className="hint cell-months">
            {d.months.map((m) => monthLabel(m.month)).join(' · ')}
            {d.months.some((m) => !m.covered) &&
              ' — "n/c": no selected dataset covers that month here (missing, not 0)'}
          </p>

          <h3>Offence mix</h3>
          {d.offenceMix.length === 0 ? (
            <p className="hint">No incidents of the selected groups.</p>
          ) : (
            <table className="data-table cell-mix">
              <caption className="cell-visually-hidden">Incidents by offence group</caption>
              <thead>
                <tr>
                  <th scope="col">Offence group</th>
                  <th scope="col">Incidents</th>
                </tr>
              </thead>
              <tbody>
                {d.offenceMix.map((g) => (
                  <tr key={g.id}>
                    <td>{g.label}</td>
                    <td>{countText(g.count, d.threshold)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}

          <h3>Time of day and week</h3>
          {d.timeProfile ? (
            <TimeProfileTable counts={d.timeProfile} threshold={d.threshold} />
          ) : (
            <p className="hint">{d.timeProfileNote}</p>
          )}

          <h3>Hot-spot class (Gi*)</h3>
          {d.gi ? (
            <p>
              {hotspotClassLabel(hotspotClasses, d.gi.class) || `class ${d.gi.class}`}
              {d.gi.z !== null && ` · z ${d.gi.z.toFixed(2)}`}
              <br />
              <span className="hint">
                Neighbourhood: the {d.gi.ring}-ring{d.gi.auto ? ' (chosen automatically)' : ''},{' '}
                {d.gi.neighbours.length} cells of the area holding{' '}
                {d.gi.neighbours
                  .map((n) => n.count)
                  .reduce<number>((a, n) => a + (n ?? 0), 0)
                  .toLocaleString('en-GB')}
                {d.gi.neighbours.some((n) => n.count === null) ? '+' : ''} incidents
              </span>
            </p>
          ) : (
            <p className="hint">{d.giNote}</p>
          )}

          <h3>Nearest settings (within {d.settingsWithin.toLocaleString('en-GB')} m)</h3>
          <div className="cell-nearest">
            <NearbyList nearest={d.nearest} />
          </div>

          <h3>Panel notes and actions</h3>
          {d.notes.length === 0 ? (
            <p className="hint">No panel has noted this location.</p>
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
    </section>
  );
}
