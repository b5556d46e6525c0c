import { useEffect, useState } from 'react';
import { api, okJson, type ReviewBody } from '../api';
import { ChangeMap } from './ChangeMap';
import { SmallMultiples } from './SmallMultiples';
import { CHANGE_CLASSES, changeLabel } from './changeClasses';
import { cssColour } from '../map/colourScale';
import { changeFill } from './changeClasses';

/** A period's label, with its dates where the label does not already give them. */
const periodText = (p: { label: string; from: string; to: string }) =>
  p.label.includes(p.from) ? p.label : `${p.label} (${p.from} to ${p.to})`;
const shown = (n: number | null) => (n === null ? 'fewer than k' : Number.isInteger(n) ? String(n) : n.toFixed(1));

/**
 * A review as a printable report: the browser's "Save as PDF" turns it into a clean PDF (print CSS
 * hides everything but the report). Map, tables, definitions, the disclosure statement and data sources.
 */
export function ReportPage({ reviewId, onBack }: { reviewId: number; onBack: () => void }) {
  const [body, setBody] = useState<ReviewBody | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    okJson(api.api.reviews[':id'].report.$get({ param: { id: String(reviewId) } })).then(setBody, (e: unknown) =>
      setError(e instanceof Error ? e.message : String(e)),
    );
  }, [reviewId]);
  if (error)
    return (
      <p className="form-error" role="alert">
        {error}
      </p>
    );
  if (!body) return <p className="status-line">Loading…</p>;
  const { review, panel, notes } = body;
  const r = review.results;
  return (
    <article className="report" aria-label="Review report" data-review={review.id}>
      <nav className="no-print">
        <button type="button" className="link-button" onClick={onBack}>
          Back to the panel
        </button>{' '}
        <button type="button" onClick={() => window.print()}>
          Print or save as PDF
        </button>
      </nav>
      <header>
        <h1>
          {panel.name}: review for the meeting of {review.meetingDate}
        </h1>
        <p>
          {periodText(r.current)} compared with {r.comparison.map(periodText).join(', ')}. Area {r.area}, H3 resolution{' '}
          {r.res}. Frozen {review.createdAt.slice(0, 16).replace('T', ' ')} UTC.
        </p>
      </header>
      <section>
        <h2>Summary</h2>
        <p>
          Incidents in the area: {shown(r.total.current)} this period against {shown(r.total.comparison)} (
          {changeLabel(r.total.class).toLowerCase()}).{' '}
          {CHANGE_CLASSES.filter((c) => c.id !== 'no-significant-change')
            .map((c) => `${c.label}: ${r.classes[c.id] ?? 0}`)
            .join(' · ')}
        </p>
        <ChangeMap cells={r.cells} width={700} height={440} title={`Change by location, ${r.current.label}`} />
        <ul className="report-key">
          {CHANGE_CLASSES.map((c) => (
            <li key={c.id}>
              <span className="swatch" style={{ background: cssColour(changeFill(c.id)) }} /> {c.label}
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h2>Priority locations, period by period</h2>
        <SmallMultiples periods={r.series.periods} cells={r.series.cells} threshold={r.threshold} />
      </section>
      <section>
        <h2>Priority locations</h2>
        <table className="data-table">
          <thead>
            <tr>
              <th>H3 cell</th>
              <th>Change</th>
              <th>This period</th>
              <th>Compared with</th>
              <th>Notes and actions</th>
            </tr>
          </thead>
          <tbody>
            {r.priorities.map((p) => (
              <tr key={p.h3}>
                <td>{p.h3}</td>
                <td>{changeLabel(p.class)}</td>
                <td>{shown(p.current)}</td>
                <td>{shown(p.comparison)}</td>
                <td>
                  {notes
                    .filter((n) => n.h3 === p.h3)
                    .map(
                      (n) =>
                        `${n.kind === 'action' ? `Action (${n.status}${n.owner ? `, ${n.owner}` : ''})` : 'Note'}: ${n.body}`,
                    )
                    .join('; ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {r.watched.length > 0 && (
        <section>
          <h2>Watch-list</h2>
          <table className="data-table">
            <thead>
              <tr>
                <th>H3 cell</th>
                <th>Why watched</th>
                <th>When added</th>
                <th>Now</th>
              </tr>
            </thead>
            <tbody>
              {r.watched.map((w) => (
                <tr key={w.h3}>
                  <td>{w.h3}</td>
                  <td>{w.reason ?? ''}</td>
                  <td>{w.then ? `${changeLabel(w.then.class)} (${shown(w.then.current)})` : 'none'}</td>
                  <td>{w.now ? `${changeLabel(w.now.class)} (${shown(w.now.current)})` : 'none'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <section>
        <h2>Definitions and method</h2>
        <p>
          Offence groups: {r.groups.join(', ')}.
          {r.definition ? ` Definition: ${r.definition.name}, version ${r.definition.version}.` : ''}
        </p>
        <ul>
          {Object.entries(r.method).map(([k, v]) => (
            <li key={k}>{v}</li>
          ))}
        </ul>
      </section>
      <section>
        <h2>Disclosure control</h2>
        <ul>
          {r.disclosure.rules.map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
        </ul>
      </section>
      <section>
        <h2>Data sources</h2>
        <ul>
          {review.dataVersions.map((d) => (
            <li key={d.id}>
              {d.name}: {d.rowsAccepted.toLocaleString('en-GB')} rows as of {d.updatedAt.slice(0, 10)} (import{' '}
              {d.lastImport ?? 'none'})
            </li>
          ))}
        </ul>
        <p className="hint">
          Contains public sector information licensed under the Open Government Licence v3.0. Boundaries: ONS, Crown
          copyright and database right.
        </p>
      </section>
    </article>
  );
}
