import { api, okJson } from '../api';
import { FormError } from '../controls/FormError';
import { TableHead } from '../controls/TableHead';
import { TextList } from '../controls/TextList';
import { cssColour } from '../map/colourScale';
import { useRequest } from '../reference/useRequest';
import { labelOf, shortLabel, useChangeClassName, useVocabulary } from '../reference/vocabulary';
import { useAreaOptions } from '../partnerships/useAreaOptions';
import { ChangeMap } from './ChangeMap';
import { changeFill, NO_CHANGE } from './changeClasses';
import { SmallMultiples } from './SmallMultiples';
import { WatchedTable } from './WatchedTable';
import { LinkButton } from '../controls/LinkButton';
import { type Translate, useT } from '../i18n/language';

/** A period's label, with its dates where the label does not already give them. */
const periodText = (t: Translate) => (p: { label: string; from: string; to: string }) =>
  p.label.includes(p.from) ? p.label : t('panel.periodDates', { label: p.label, from: p.from, to: p.to });
const shownIn = (t: Translate) => (n: number | null) =>
  n === null ? t('panel.fewerThanK') : Number.isInteger(n) ? String(n) : n.toFixed(1);
const loadReport = (id: number, signal: AbortSignal) =>
  okJson(api.api.reviews[':id'].report.$get({ param: { id: String(id) } }, { init: { signal } }));

/**
 * A review as a printable report: the browser's "Save as PDF" turns it into a clean PDF (print CSS
 * hides everything but the report). Map, tables, definitions, the disclosure statement and data sources.
 */
export function ReportPage({ reviewId, onBack }: { reviewId: number; onBack: () => void }) {
  const t = useT();
  const report = useRequest(reviewId, loadReport, 'the report');
  const { changeClasses, groups } = useVocabulary();
  const changeName = useChangeClassName();
  const { names: areaNames } = useAreaOptions([]);
  const body = report.data;
  if (report.error) return <FormError message={report.error} />;
  if (!body) return <p className="status-line">{t('panel.loading')}</p>;
  const shown = shownIn(t);
  const period = periodText(t);
  const { review, panel, notes, names } = body;
  const r = review.results;
  return (
    <main>
      <article className="report" aria-label={t('panel.report.label')} data-review={review.id}>
        <nav className="no-print">
          <LinkButton onClick={onBack}>{t('panel.report.back')}</LinkButton>{' '}
          <button type="button" onClick={() => window.print()}>
            {t('panel.report.print')}
          </button>
        </nav>
        <header>
          <h1>{t('panel.report.title', { panel: panel.name, date: review.meetingDate })}</h1>
          <p>
            {t('panel.report.intro', {
              current: period(r.current),
              comparison: r.comparison.map(period).join(', '),
              area: areaNames.get(r.area) ?? r.area,
              res: String(r.res),
              frozen: review.createdAt.slice(0, 16).replace('T', ' '),
            })}
          </p>
        </header>
        {r.coverage?.notes.length ? <TextList className="coverage-notes hint" items={r.coverage.notes} /> : null}
        <section>
          <h2>{t('panel.report.summary')}</h2>
          <p>
            {t('panel.report.total', {
              current: shown(r.total.current),
              comparison: shown(r.total.comparison),
              change: r.total.class === null ? t('panel.report.notTested') : changeName(r.total.class).toLowerCase(),
            })}{' '}
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
            title={t('panel.report.mapTitle', { period: r.current.label })}
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
          <h2>{t('panel.report.byPeriod')}</h2>
          <SmallMultiples periods={r.series.periods} cells={r.series.cells} threshold={r.threshold} names={names} />
        </section>
        <section>
          <h2>{t('panel.report.priorities')}</h2>
          <table className="data-table">
            <TableHead
              columns={[
                t('panel.report.col.location'),
                t('panel.report.col.change'),
                t('panel.report.col.current'),
                t('panel.report.col.comparison'),
                t('panel.report.col.notes'),
              ]}
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
                          `${
                            n.kind === 'action'
                              ? t(n.owner ? 'panel.report.actionOwner' : 'panel.report.action', {
                                  status: String(n.status),
                                  owner: n.owner ?? '',
                                })
                              : t('panel.report.note')
                          }: ${n.body}`,
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
            <h2>{t('panel.report.watchList')}</h2>
            <WatchedTable
              watched={r.watched}
              columns={[
                t('panel.report.col.location'),
                t('panel.report.col.why'),
                t('panel.report.col.added'),
                t('panel.report.col.now'),
              ]}
              shown={shown}
              names={names}
            />
          </section>
        )}
        <section>
          <h2>{t('panel.report.method')}</h2>
          <p>
            {t('panel.report.groups', { groups: r.groups.map((id) => labelOf(groups, id)).join(', ') })}
            {r.definition
              ? t('panel.report.definition', { name: r.definition.name, version: String(r.definition.version) })
              : ''}
          </p>
          <TextList items={Object.values(r.method)} />
        </section>
        <section>
          <h2>{t('panel.report.disclosure')}</h2>
          <TextList items={r.disclosure.rules} />
        </section>
        <section>
          <h2>{t('panel.report.sources')}</h2>
          <ul>
            {review.dataVersions.map((d) => (
              <li key={d.id}>
                {t('panel.report.source', {
                  name: d.name,
                  rows: d.rowsAccepted,
                  date: d.updatedAt.slice(0, 10),
                  import: d.lastImport ?? t('panel.report.noImport'),
                })}
              </li>
            ))}
          </ul>
          <p className="hint">{t('panel.report.licence')}</p>
        </section>
      </article>
    </main>
  );
}
