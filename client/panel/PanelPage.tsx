import { type FormEvent, type ReactNode, useState } from 'react';
import { api, okJson, type SessionUser } from '../api';
import { FormError } from '../controls/FormError';
import { Options } from '../controls/Options';
import { PageShell } from '../controls/PageShell';
import { TableHead } from '../controls/TableHead';
import { useRequest } from '../reference/useRequest';
import { useChangeClassName } from '../reference/vocabulary';
import { useSelection } from '../selection/location';
import { NewPanelForm } from './NewPanelForm';
import { ReviewView } from './ReviewView';
import { LinkButton } from '../controls/LinkButton';
import { currentLanguage, type MessageKey, type Translate, useT } from '../i18n/language';

const CADENCES = {
  fortnight: 'panel.cadence.fortnight',
  month: 'panel.cadence.month',
  quarter: 'panel.cadence.quarter',
} as const;
const MOVEMENTS = {
  joined: 'panel.movement.joined',
  left: 'panel.movement.left',
  'class changed': 'panel.movement.classChanged',
} as const;
/** A server value's name in the interface language, the value itself when it has none. */
const named = (t: Translate, keys: Readonly<Record<string, MessageKey>>, value: string) =>
  keys[value] ? t(keys[value]) : value;

const init = (signal: AbortSignal) => ({ init: { signal } });
const reason = (override: string | null) => (override ? { override } : {});

const loadPanels = ({ override }: { override: string | null }, signal: AbortSignal) =>
  okJson(api.api.panels.$get({ query: reason(override) }, init(signal)));
const loadPanel = ({ id, override }: { id: number; override: string | null }, signal: AbortSignal) =>
  okJson(api.api.panels[':id'].$get({ param: { id: String(id) }, query: reason(override) }, init(signal)));
const loadReview = ({ id, override }: { id: number; override: string | null }, signal: AbortSignal) =>
  okJson(api.api.reviews[':id'].$get({ param: { id: String(id) }, query: reason(override) }, init(signal)));
const loadComparison = ({ id, other }: { id: number; other: number }, signal: AbortSignal) =>
  okJson(
    api.api.reviews[':id'].compare[':other'].$get({ param: { id: String(id), other: String(other) } }, init(signal)),
  );

/**
 * The panel view: pick a panel and a meeting (both kept in the URL), create the review for a new
 * meeting, and work through it. Panels are their partnership's; an admin who is not a member can
 * read them only by stating a reason (an audited override), and then only reads.
 */
export function PanelPage({
  user,
  header,
  notice,
  onOpenReport,
}: {
  user: SessionUser;
  header: ReactNode;
  notice?: ReactNode;
  onOpenReport: (reviewId: number) => void;
}) {
  const [override, setOverride] = useState<string | null>(null);
  const [selection, select] = useSelection();
  const [actionError, setActionError] = useState<string | null>(null);
  /** The review whose comparison with the previous one was asked for. */
  const [comparing, setComparing] = useState<number | null>(null);
  const changeName = useChangeClassName();
  const t = useT();

  const panels = useRequest({ override }, loadPanels, 'the panels');
  const panelList = panels.data?.panels ?? null;
  // The panel and meeting in the URL while they exist, else the first.
  const panelId = panelList?.some((p) => p.id === selection.panel) ? selection.panel! : (panelList?.[0]?.id ?? null);
  const detail = useRequest(panelId === null ? null : { id: panelId, override }, loadPanel, 'the panel');
  const reviews = detail.data?.reviews ?? [];
  const reviewId =
    selection.review !== undefined && (detail.loading || reviews.some((r) => r.id === selection.review))
      ? selection.review
      : (reviews[0]?.id ?? null);
  const review = useRequest(reviewId === null ? null : { id: reviewId, override }, loadReview, 'the review');
  const previous = review.data?.previous ?? null;
  const comparison = useRequest(
    comparing !== null && comparing === reviewId && previous ? { id: comparing, other: previous.id } : null,
    loadComparison,
    'the comparison',
  );
  const errors = [panels.error, detail.error, review.error, comparison.error, actionError];

  const act = async (change: () => Promise<unknown>) => {
    try {
      await change();
      setActionError(null);
    } catch (e) {
      setActionError(e instanceof Error ? e.message : String(e));
    }
  };
  const createReview = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const meetingDate = String(new FormData(event.currentTarget).get('meetingDate'));
    return act(async () => {
      const { review: created } = await okJson(
        api.api.panels[':id'].reviews.$post({ param: { id: String(panelId) }, json: { meetingDate } }),
      );
      select({ review: created!.id });
      detail.reload();
    });
  };
  const reloadReview = () => {
    detail.reload();
    review.reload();
  };
  const watch = (h3: string) =>
    act(async () => {
      await okJson(
        api.api.panels[':id'].watch.$post({ param: { id: String(panelId) }, json: { h3, reviewId: reviewId! } }),
      );
      reloadReview();
    });

  return (
    <PageShell title={t('panel.title')} className="panel-page" header={header} notice={notice}>
      {errors.map((e) => e && <FormError key={e} message={e} />)}
      {panelList?.length === 0 && (
        <p className="hint">
          {user.role === 'admin' || user.role === 'analyst' ? t('panel.noPanels') : t('panel.noPanelsMember')}
        </p>
      )}
      {user.role === 'admin' && (
        <OverrideForm
          active={override}
          onChange={(next) => {
            setOverride(next);
            select({ panel: undefined, review: undefined });
            setActionError(null);
          }}
        />
      )}
      {(user.role === 'admin' || user.role === 'analyst') && !override && (
        <NewPanelForm
          user={user}
          onCreated={(id) => {
            select({ panel: id, review: undefined });
            panels.reload();
          }}
        />
      )}
      <section className="admin-section panel-controls" aria-label={t('panel.controls')}>
        <label>
          {t('panel.panel')}{' '}
          <select value={panelId ?? ''} onChange={(e) => select({ panel: Number(e.target.value), review: undefined })}>
            <Options
              options={(panelList ?? []).map((p) => ({
                value: p.id,
                label: t('panel.panelOption', { name: p.name, cadence: named(t, CADENCES, p.cadence) }),
              }))}
            />
          </select>
        </label>
        <label>
          {t('panel.meeting')}{' '}
          <select
            value={reviewId ?? ''}
            onChange={(e) => select({ review: Number(e.target.value) })}
            aria-label={t('panel.meeting')}
          >
            <Options options={reviews.map((r) => ({ value: r.id, label: r.meetingDate }))} />
          </select>
        </label>
        {!override && (
          <form onSubmit={(e) => void createReview(e)} className="inline-form">
            <label>
              {t('panel.newReview')} <input type="date" name="meetingDate" required />
            </label>
            <button type="submit">{t('panel.createReview')}</button>
          </form>
        )}
        {review.data && !override && (
          <span className="review-links">
            <LinkButton onClick={() => onOpenReport(review.data!.review.id)}>{t('panel.printable')}</LinkButton>
            <a href={`/api/reviews/${review.data.review.id}/export/cells.csv?lang=${currentLanguage()}`}>CSV</a>
            <a href={`/api/reviews/${review.data.review.id}/export/cells.geojson`}>GeoJSON</a>
            {previous && (
              <LinkButton onClick={() => setComparing(reviewId)}>
                {t('panel.comparePrevious', { date: previous.meetingDate })}
              </LinkButton>
            )}
          </span>
        )}
      </section>
      {comparison.data && (
        <table className="data-table review-comparison">
          <caption className="hint">
            {t('panel.comparison.caption', {
              before: comparison.data.before.meetingDate,
              after: comparison.data.after.meetingDate,
            })}
          </caption>
          <TableHead
            columns={[t('panel.location'), t('panel.col.then'), t('panel.report.col.now'), t('panel.col.movement')]}
          />
          <tbody>
            {comparison.data.locations
              .filter((l) => l.movement !== 'unchanged')
              .map((l) => (
                <tr key={l.h3}>
                  <td title={l.h3}>{comparison.data!.names[l.h3] ?? l.h3}</td>
                  <td>{l.before ? changeName(l.before.class) : '–'}</td>
                  <td>{l.after ? changeName(l.after.class) : '–'}</td>
                  <td>{named(t, MOVEMENTS, l.movement)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
      {review.data && (
        <ReviewView
          key={review.data.review.id}
          body={review.data}
          onChanged={reloadReview}
          onWatch={watch}
          readOnly={override !== null}
        />
      )}
    </PageShell>
  );
}

/** An admin states why they need to read other partnerships' panels; every read is then audited. */
function OverrideForm({ active, onChange }: { active: string | null; onChange: (reason: string | null) => void }) {
  const t = useT();
  if (active)
    return (
      <p className="notice" role="status">
        {t('panel.override.active', { reason: active })}{' '}
        <LinkButton onClick={() => onChange(null)}>{t('panel.override.back')}</LinkButton>
      </p>
    );
  return (
    <details className="new-panel">
      <summary>{t('panel.override.summary')}</summary>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          onChange(String(new FormData(event.currentTarget).get('reason')).trim());
        }}
      >
        <label>
          {t('panel.reason')}{' '}
          <input name="reason" required minLength={10} maxLength={500} placeholder={t('panel.override.placeholder')} />
        </label>
        <button type="submit">{t('panel.override.submit')}</button>
      </form>
    </details>
  );
}
