import { api, okJson } from '../api';
import { FormError } from '../controls/FormError';
import { TableHead } from '../controls/TableHead';
import { TextList } from '../controls/TextList';
import { cssColour } from '../map/colourScale';
import { useRequest } from '../reference/useRequest';
import { labelOf, shortLabel, useChangeClassName, useVocabulary } from '../reference/vocabulary';
import { useAreaOptions } from '../geography/areaOptions';
import { ChangeMap } from './ChangeMap';
import { changeFill, NO_CHANGE } from './changeClasses';
import { SmallMultiples } from './SmallMultiples';
import { WatchedTable } from './WatchedTable';
import { LinkButton } from '../controls/LinkButton';

/** A period's label, with its dates where the label does not already give them. */
const periodText = (p: { label: string; from: string; to: string }) =>
  p.label.includes(p.from) ? p.label : `${p.label} (${p.from} to ${p.to})`;
const shown = (n: number | null) => (n === null ? 'fewer than k' : Number.isInteger(n) ? String(n) : n.toFixed(1));
const loadReport = (id: number, signal: AbortSignal) =>
  okJson(api.api.reviews[':id'].report.$get({ param: { id: String(id) } }, { init: { signal } }));

/**
 * A review as a printable report: the browser's "Save as PDF" turns it into a clean PDF (print CSS
 * hides everything but the report). Map, tables, definitions, the disclosure statement and data sources.
 */
export function ReportPage({ reviewId, onBack }: { reviewId: number; onBack: () => void }) {
  const report = useRequest(reviewId, loadReport, 'the report');
  const { changeClasses, groups } = useVocabulary();
  const changeName = useChangeClassName();
  const { names: areaNames } = useAreaOptions([]);
  const body = report.data;
  if (report.error) return <FormError message={report.error} />;
  if (!body) return <p className="status-line">Loading…</p>;
  const { review, panel, notes, names } = body;
  const r = review.results;
  return (
    <main>
      <article className="report" aria-label="Review report" data-review={review.id}>
        <nav className="no-print">
          <LinkButton onClick={onBack}>Back to the panel</LinkButton>{' '}
          <button type="button" onClick={() => window.print()}>
            Print or save as PDF
          </button>
        </nav>
        <header>
          <h1>
            {panel.name}: review for the meeting of {review.meetingDate}
          </h1>
          <p>
            {periodText(r.current)} compared with {r.comparison.map(periodText).join(', ')}. Area{' '}
            {areaNames.get(r.area) ?? r.area}, H3 resolution {r.res}. Frozen{' '}
            {review.createdAt.slice(0, 16).replace('T', ' ')} UTC.
          </p>
        </header>
        {r.coverage?.notes.length ? <TextList className="coverage-notes hint" items={r.coverage.notes} /> : null}
        <section>
          <h2>Summary</h2>
          <p>
            Incidents in the area: {shown(r.total.current)} this period against {shown(r.total.comparison)} (
            {r.total.class === null ? 'not tested: a period is not covered' : changeName(r.total.class).toLowerCase()}).{' '}
            {changeClasses
              .filter((c) => c.id !== NO_CHANGE)
              .map((c) => `${shortLabel(c.label)}: ${r.classes[c.id as keyof typeof r.classes] ?? 0}`)
              .join(' · ')}
          </p>
          <ChangeMap
            cells={r.cells}
            names={names}
            width={700}
            height={440}
            title={`Change by location, ${r.current.label}`}
          />
          <ul className="report-key">
            {changeClasses.map((c) => (
              <li key={c.id}>
                <span className="swatch" style={{ background: cssColour(changeFill(c.id)) }} /> {c.label}
              </li>
            ))}
          </ul>
        </section>
        <section>
          <h2>Priority locations, period by period</h2>
          <SmallMultiples periods={r.series.periods} cells={r.series.cells} threshold={r.threshold} names={names} />
        </section>
        <section>
          <h2>Priority locations</h2>
          <table className="data-table">
            <TableHead
              columns={['Location (H3 cell)', 'Change', 'This period', 'Compared with', 'Notes and actions']}
            />
            <tbody>
              {r.priorities.map((p) => (
                <tr key={p.h3} data-h3={p.h3}>
                  <td>
                    {names[p.h3] ?? p.h3}
                    <span className="hint cell-id"> {p.h3}</span>
                  </td>
                  <td>{changeName(p.class)}</td>
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
            <WatchedTable
              watched={r.watched}
              columns={['Location (H3 cell)', 'Why watched', 'When added', 'Now']}
              shown={shown}
              names={names}
            />
          </section>
        )}
        <section>
          <h2>Definitions and method</h2>
          <p>
            Offence groups: {r.groups.map((id) => labelOf(groups, id)).join(', ')}.
            {r.definition ? ` Definition: ${r.definition.name}, version ${r.definition.version}.` : ''}
          </p>
          <TextList items={Object.values(r.method)} />
        </section>
        <section>
          <h2>Disclosure control</h2>
          <TextList items={r.disclosure.rules} />
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
            copyright and database right. Location names: streets from the addresses of public settings (FSA, schools
            lists), postcode sectors from OS Code-Point Open, town names © GeoNames (CC BY 4.0).
          </p>
        </section>
      </article>
    </main>
  );
}
