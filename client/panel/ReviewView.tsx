import { TextList } from '../controls/TextList';
import { type FormEvent, useState } from 'react';
import { api, okJson, type ReviewBody } from '../api';
import { FormError } from '../controls/FormError';
import { Options } from '../controls/Options';
import { TableHead } from '../controls/TableHead';
import { shortLabel, useChangeClassName, useVocabulary } from '../reference/vocabulary';
import { ChangeMap } from './ChangeMap';
import { NO_CHANGE } from './changeClasses';
import { SeriesChart } from './SeriesChart';
import { SmallMultiples } from './SmallMultiples';
import { WatchedTable } from './WatchedTable';
import { LinkButton } from '../controls/LinkButton';
import { useAreaOptions } from '../partnerships/useAreaOptions';
import { type MessageKey, useT } from '../i18n/language';

const STATUSES = [
  { value: 'open', label: 'panel.review.status.open' },
  { value: 'in-progress', label: 'panel.review.status.inProgress' },
  { value: 'done', label: 'panel.review.status.done' },
] as const;
/** An action's status as printed beside it (read only). */
const STATUS_VALUES: Readonly<Record<string, MessageKey>> = {
  open: 'panel.review.statusValue.open',
  'in-progress': 'panel.review.statusValue.inProgress',
  done: 'panel.review.statusValue.done',
};

const shown = (n: number | null) => (n === null ? '<k' : Number.isInteger(n) ? String(n) : n.toFixed(1));

/**
 * One frozen review: the change map, priority locations, the watch-list, and notes and actions on
 * a location. `readOnly` (an admin reading another partnership's panel) hides every change.
 */
export function ReviewView({
  body,
  onChanged,
  onWatch,
  readOnly = false,
}: {
  body: ReviewBody;
  onChanged: () => void;
  onWatch: (h3: string) => Promise<void>;
  readOnly?: boolean;
}) {
  const { review, notes, names } = body;
  const { names: areaNames } = useAreaOptions([]);
  const r = review.results;
  const [selected, setSelected] = useState<string | null>(r.priorities[0]?.h3 ?? null);
  const [error, setError] = useState<string | null>(null);
  const { changeClasses } = useVocabulary();
  const changeName = useChangeClassName();
  const t = useT();
  const statusName = (status: string) => (STATUS_VALUES[status] ? t(STATUS_VALUES[status]) : status);
  const cell = r.cells.find((c) => c.h3 === selected) ?? null;
  const series = selected ? r.series.cells[selected] : undefined;
  const locationNotes = notes.filter((n) => n.h3 === selected);

  const addNote = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const kind = form.get('kind') === 'action' ? 'action' : 'note';
    try {
      await okJson(
        api.api.reviews[':id'].notes.$post({
          param: { id: String(review.id) },
          json: {
            h3: selected!,
            kind,
            body: String(form.get('body')),
            ...(form.get('owner') ? { owner: String(form.get('owner')) } : {}),
          },
        }),
      );
      element.reset();
      setError(null);
      onChanged();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const setStatus = async (id: number, status: 'open' | 'in-progress' | 'done') => {
    await okJson(api.api.notes[':id'].$patch({ param: { id: String(id) }, json: { status } }));
    onChanged();
  };

  return (
    <section className="review" aria-label={t('panel.review.label', { date: review.meetingDate })}>
      <p className="hint">
        {t('panel.review.context', {
          current: r.current.label,
          comparison: r.comparison.map((p) => p.label).join(', '),
          area: areaNames.get(r.area) ?? r.area,
          res: String(r.res),
        })}
        {r.restricted && t('panel.review.restricted', { threshold: String(r.threshold) })}
      </p>
      {r.coverage?.notes.length ? <TextList className="coverage-notes hint" items={r.coverage.notes} /> : null}
      <ul className="change-summary">
        {changeClasses
          .filter((c) => c.id !== NO_CHANGE)
          .map((c) => (
            <li key={c.id} data-class={c.id} title={c.label}>
              {shortLabel(c.label)}: <strong>{r.classes[c.id as keyof typeof r.classes] ?? 0}</strong>
            </li>
          ))}
      </ul>
      <div className="review-body">
        <ChangeMap
          cells={r.cells}
          names={names}
          selected={selected}
          onSelect={setSelected}
          title={t('panel.report.mapTitle', { period: r.current.label })}
        />
        <div className="review-side">
          <table className="data-table review-priorities">
            <caption className="hint">{t('panel.review.priorities')}</caption>
            <TableHead
              columns={[
                t('panel.location'),
                t('panel.report.col.change'),
                t('panel.report.col.now'),
                t('panel.col.before'),
                t('panel.col.notes'),
              ]}
            />
            <tbody>
              {r.priorities.map((p) => (
                <tr
                  key={p.h3}
                  data-h3={p.h3}
                  className={p.h3 === selected ? 'selected' : undefined}
                  onClick={() => setSelected(p.h3)}
                >
                  <td title={p.h3}>
                    <LinkButton>{names[p.h3] ?? p.h3}</LinkButton>
                  </td>
                  <td>{changeName(p.class)}</td>
                  <td>{shown(p.current)}</td>
                  <td>{shown(p.comparison)}</td>
                  <td>{notes.filter((n) => n.h3 === p.h3).length || ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <SmallMultiples periods={r.series.periods} cells={r.series.cells} threshold={r.threshold} names={names} />
      {cell && (
        <section className="location" aria-label={t('panel.location')}>
          <h3>
            {names[cell.h3] ?? cell.h3}: {changeName(cell.class)}
          </h3>
          <p className="hint cell-id">{t('panel.review.cellId', { h3: cell.h3 })}</p>
          {series && (
            <SeriesChart
              counts={series}
              labels={r.series.periods.map((p) => p.label)}
              threshold={r.threshold}
              covered={r.series.covered}
            />
          )}
          {!readOnly && <LinkButton onClick={() => void onWatch(cell.h3)}>{t('panel.review.addWatch')}</LinkButton>}
          <ul className="notes">
            {locationNotes.map((n) => (
              <li key={n.id}>
                <strong>{n.kind === 'action' ? t('panel.review.action') : t('panel.report.note')}</strong> {n.body}{' '}
                <span className="hint">
                  {t(n.owner ? 'panel.review.noteMetaOwner' : 'panel.review.noteMeta', {
                    author: n.createdBy ?? t('panel.review.unknownAuthor'),
                    date: n.createdAt.slice(0, 10),
                    owner: n.owner ?? '',
                  })}
                </span>
                {n.kind === 'action' && readOnly && <span className="hint"> · {statusName(n.status ?? 'open')}</span>}
                {n.kind === 'action' && !readOnly && (
                  <select
                    aria-label={t('panel.review.statusLabel')}
                    value={n.status ?? 'open'}
                    onChange={(e) => void setStatus(n.id, e.target.value as 'open' | 'in-progress' | 'done')}
                  >
                    <Options options={STATUSES.map((s) => ({ value: s.value, label: t(s.label) }))} />
                  </select>
                )}
              </li>
            ))}
          </ul>
          {!readOnly && (
            <form className="note-form" onSubmit={(e) => void addNote(e)}>
              <select name="kind" aria-label={t('panel.review.kind')}>
                <option value="note">{t('panel.report.note')}</option>
                <option value="action">{t('panel.review.action')}</option>
              </select>
              <input
                name="body"
                aria-label={t('panel.review.noteOrAction')}
                required
                maxLength={4000}
                placeholder={t('panel.review.bodyPlaceholder')}
              />
              <input
                name="owner"
                aria-label={t('panel.review.owner')}
                maxLength={200}
                placeholder={t('panel.review.ownerPlaceholder')}
              />
              <button type="submit">{t('panel.review.add')}</button>
            </form>
          )}
          <FormError message={error} />
        </section>
      )}
      {r.watched.length > 0 && (
        <WatchedTable
          watched={r.watched}
          caption={t('panel.review.watchCaption')}
          columns={[t('panel.location'), t('panel.reason'), t('panel.col.then'), t('panel.report.col.now')]}
          short
          shown={shown}
          names={names}
        />
      )}
    </section>
  );
}
