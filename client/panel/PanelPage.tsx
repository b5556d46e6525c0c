import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { api, okJson, type PanelDetail, type PanelsBody, type ReviewBody, type SessionUser } from '../api';
import { NewPanelForm } from './NewPanelForm';
import { changeLabel } from './changeClasses';
import { ReviewView } from './ReviewView';

type Comparison = Awaited<ReturnType<typeof loadComparison>>;
const loadComparison = (id: number, other: number) =>
  okJson(api.api.reviews[':id'].compare[':other'].$get({ param: { id: String(id), other: String(other) } }));

/**
 * The panel view: pick a panel and a meeting, create the review for a new meeting, and work
 * through it. Panels are their partnership's; an admin who is not a member can read them only by
 * stating a reason (an audited override), and then only reads.
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
  const [panels, setPanels] = useState<PanelsBody['panels'] | null>(null);
  const [panelId, setPanelId] = useState<number | null>(null);
  const [detail, setDetail] = useState<PanelDetail | null>(null);
  const [reviewId, setReviewId] = useState<number | null>(null);
  const [review, setReview] = useState<ReviewBody | null>(null);
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const fail = (e: unknown) => setError(e instanceof Error ? e.message : String(e));

  const [panelsVersion, setPanelsVersion] = useState(0);
  useEffect(() => {
    okJson(api.api.panels.$get({ query: override ? { override } : {} })).then((b) => {
      setPanels(b.panels);
      setPanelId((id) => (id !== null && b.panels.some((p) => p.id === id) ? id : (b.panels[0]?.id ?? null)));
    }, fail);
  }, [panelsVersion, override]);
  useEffect(() => {
    if (panelId === null) return;
    okJson(api.api.panels[':id'].$get({ param: { id: String(panelId) }, query: override ? { override } : {} })).then(
      (d) => {
        setDetail(d);
        setReviewId((id) => id ?? d.reviews[0]?.id ?? null);
      },
      fail,
    );
  }, [panelId, version, override]);
  useEffect(() => {
    setComparison(null);
    if (reviewId === null) return;
    okJson(api.api.reviews[':id'].$get({ param: { id: String(reviewId) }, query: override ? { override } : {} })).then(
      setReview,
      fail,
    );
  }, [reviewId, version, override]);

  const createReview = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const meetingDate = String(new FormData(event.currentTarget).get('meetingDate'));
    try {
      const { review: created } = await okJson(
        api.api.panels[':id'].reviews.$post({ param: { id: String(panelId) }, json: { meetingDate } }),
      );
      setError(null);
      setReviewId(created!.id);
      setVersion((v) => v + 1);
    } catch (e) {
      fail(e);
    }
  };
  const watch = async (h3: string) => {
    try {
      await okJson(
        api.api.panels[':id'].watch.$post({ param: { id: String(panelId) }, json: { h3, reviewId: reviewId! } }),
      );
      setVersion((v) => v + 1);
    } catch (e) {
      fail(e);
    }
  };

  return (
    <div className="admin-page panel-page">
      <header className="admin-header">
        <h1>hotspot · panel reviews</h1>
        {header}
      </header>
      {notice}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {panels?.length === 0 && (
        <p className="hint">
          No panels yet
          {user.role === 'admin' || user.role === 'analyst' ? '' : ': an analyst of your partnership sets one up'}.
        </p>
      )}
      {user.role === 'admin' && (
        <OverrideForm
          active={override}
          onChange={(reason) => {
            setOverride(reason);
            setPanelId(null);
            setReviewId(null);
            setReview(null);
            setDetail(null);
            setError(null);
          }}
        />
      )}
      {(user.role === 'admin' || user.role === 'analyst') && !override && (
        <NewPanelForm
          user={user}
          onCreated={(id) => {
            setPanelId(id);
            setReviewId(null);
            setReview(null);
            setDetail(null);
            setPanelsVersion((v) => v + 1);
          }}
        />
      )}
      <section className="admin-section panel-controls" aria-label="Panel and meeting">
        <label>
          Panel{' '}
          <select
            value={panelId ?? ''}
            onChange={(e) => {
              setPanelId(Number(e.target.value));
              setReviewId(null);
              setReview(null);
            }}
          >
            {(panels ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.cadence})
              </option>
            ))}
          </select>
        </label>
        <label>
          Meeting{' '}
          <select value={reviewId ?? ''} onChange={(e) => setReviewId(Number(e.target.value))} aria-label="Meeting">
            {(detail?.reviews ?? []).map((r) => (
              <option key={r.id} value={r.id}>
                {r.meetingDate}
              </option>
            ))}
          </select>
        </label>
        {!override && (
          <form onSubmit={(e) => void createReview(e)} className="inline-form">
            <label>
              New review for meeting on <input type="date" name="meetingDate" required />
            </label>
            <button type="submit">Create review</button>
          </form>
        )}
        {review && (
          <span className="review-links">
            {!override && (
              <button type="button" className="link-button" onClick={() => onOpenReport(review.review.id)}>
                Printable report
              </button>
            )}
            {!override && <a href={`/api/reviews/${review.review.id}/export/cells.csv`}>CSV</a>}
            {!override && <a href={`/api/reviews/${review.review.id}/export/cells.geojson`}>GeoJSON</a>}
            {review.previous && !override && (
              <button
                type="button"
                className="link-button"
                onClick={() => void loadComparison(review.review.id, review.previous!.id).then(setComparison, fail)}
              >
                Compare with previous review ({review.previous.meetingDate})
              </button>
            )}
          </span>
        )}
      </section>
      {comparison && (
        <table className="data-table review-comparison">
          <caption className="hint">
            Priority locations, {comparison.before.meetingDate} against {comparison.after.meetingDate}
          </caption>
          <thead>
            <tr>
              <th>Location</th>
              <th>Then</th>
              <th>Now</th>
              <th>Movement</th>
            </tr>
          </thead>
          <tbody>
            {comparison.locations
              .filter((l) => l.movement !== 'unchanged')
              .map((l) => (
                <tr key={l.h3}>
                  <td>{l.h3.slice(0, 10)}…</td>
                  <td>{l.before ? changeLabel(l.before.class) : '–'}</td>
                  <td>{l.after ? changeLabel(l.after.class) : '–'}</td>
                  <td>{l.movement}</td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
      {review && (
        <ReviewView
          key={review.review.id}
          body={review}
          onChanged={() => setVersion((v) => v + 1)}
          onWatch={watch}
          readOnly={override !== null}
        />
      )}
    </div>
  );
}

/** An admin states why they need to read other partnerships' panels; every read is then audited. */
function OverrideForm({ active, onChange }: { active: string | null; onChange: (reason: string | null) => void }) {
  if (active)
    return (
      <p className="notice" role="status">
        Reading every partnership's panels (read only; each read is recorded in the audit log with your reason: “
        {active}”).{' '}
        <button type="button" className="link-button" onClick={() => onChange(null)}>
          Back to my partnerships' panels
        </button>
      </p>
    );
  return (
    <details className="new-panel">
      <summary>Read another partnership's panels (audited)</summary>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          onChange(String(new FormData(event.currentTarget).get('reason')).trim());
        }}
      >
        <label>
          Reason{' '}
          <input
            name="reason"
            required
            minLength={10}
            maxLength={500}
            placeholder="e.g. support request from the Newport panel chair"
          />
        </label>
        <button type="submit">Read their panels</button>
      </form>
    </details>
  );
}
