import type { ReviewResults } from '../analysis/review.js';
import type { Queryable } from './types.js';

const ts = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

export interface Panel {
  id: number;
  partnershipId: number;
  name: string;
  cadence: 'fortnight' | 'month' | 'quarter';
  selection: Record<string, unknown>;
  createdAt: string;
}

const PANEL = `select id, partnership_id as "partnershipId", name, cadence, selection, ${ts('created_at')} as "createdAt" from panels`;

export async function listPanels(db: Queryable, partnershipIds: readonly number[] | null): Promise<Panel[]> {
  return db.query<Panel>(`${PANEL} where $1::int[] is null or partnership_id = any($1::int[]) order by name`, [
    partnershipIds,
  ]);
}

export async function getPanel(db: Queryable, id: number): Promise<Panel | undefined> {
  return (await db.query<Panel>(`${PANEL} where id = $1`, [id]))[0];
}

/** A new panel's id, or null when its partnership already has a panel of that name. */
export async function insertPanel(
  db: Queryable,
  p: Omit<Panel, 'id' | 'createdAt'> & { createdBy: number },
): Promise<number | null> {
  const [row] = await db.query<{ id: number }>(
    `insert into panels (partnership_id, name, cadence, selection, created_by) values ($1, $2, $3, $4, $5)
     on conflict (partnership_id, name) do nothing returning id`,
    [p.partnershipId, p.name, p.cadence, JSON.stringify(p.selection), p.createdBy],
  );
  return row?.id ?? null;
}

export interface ReviewSummary {
  id: number;
  panelId: number;
  meetingDate: string;
  createdAt: string;
}

export interface Review extends ReviewSummary {
  selection: {
    datasets: number[];
    area: string;
    period: string;
    asOf: string;
    definition: ReviewResults['definition'];
    groups?: string[];
    flags?: string[];
    res: number;
    k: number;
  };
  dataVersions: { id: number; name: string; rowsAccepted: number; updatedAt: string; lastImport: number | null }[];
  results: ReviewResults;
}

const REVIEW_SUMMARY = `id, panel_id as "panelId", to_char(meeting_date, 'YYYY-MM-DD') as "meetingDate", ${ts('created_at')} as "createdAt"`;

export async function listReviews(db: Queryable, panelId: number): Promise<ReviewSummary[]> {
  return db.query<ReviewSummary>(
    `select ${REVIEW_SUMMARY} from reviews where panel_id = $1 order by meeting_date desc`,
    [panelId],
  );
}

export async function getReview(db: Queryable, id: number): Promise<Review | undefined> {
  return (
    await db.query<Review>(
      `select ${REVIEW_SUMMARY}, selection, data_versions as "dataVersions", results from reviews where id = $1`,
      [id],
    )
  )[0];
}

/** The panel's latest review before a meeting date, if any. */
export async function previousReview(db: Queryable, panelId: number, meetingDate: string): Promise<Review | undefined> {
  const [row] = await db.query<{ id: number }>(
    'select id from reviews where panel_id = $1 and meeting_date < $2::date order by meeting_date desc limit 1',
    [panelId, meetingDate],
  );
  return row ? getReview(db, row.id) : undefined;
}

export async function insertReview(
  db: Queryable,
  r: {
    panelId: number;
    meetingDate: string;
    selection: unknown;
    dataVersions: unknown;
    results: unknown;
    createdBy: number;
  },
): Promise<number | null> {
  const rows = await db.query<{ id: number }>(
    `insert into reviews (panel_id, meeting_date, selection, data_versions, results, created_by) values ($1, $2::date, $3, $4, $5, $6)
     on conflict (panel_id, meeting_date) do nothing returning id`,
    [
      r.panelId,
      r.meetingDate,
      JSON.stringify(r.selection),
      JSON.stringify(r.dataVersions),
      JSON.stringify(r.results),
      r.createdBy,
    ],
  );
  return rows[0]?.id ?? null;
}

export interface ReviewNote {
  id: number;
  reviewId: number;
  h3: string;
  kind: 'note' | 'action';
  body: string;
  owner: string | null;
  status: 'open' | 'in-progress' | 'done' | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

const NOTE = `select n.id, n.review_id as "reviewId", n.h3, n.kind, n.body, n.owner, n.status, u.display_name as "createdBy",
  ${ts('n.created_at')} as "createdAt", ${ts('n.updated_at')} as "updatedAt" from review_notes n left join users u on u.id = n.created_by`;

/** Notes and actions on a review's locations, and (for carrying forward) on earlier reviews of the panel. */
export async function notesOfPanel(db: Queryable, panelId: number, upToMeeting: string): Promise<ReviewNote[]> {
  return db.query<ReviewNote>(
    `${NOTE} join reviews r on r.id = n.review_id where r.panel_id = $1 and r.meeting_date <= $2::date order by n.created_at, n.id`,
    [panelId, upToMeeting],
  );
}

export async function insertNote(
  db: Queryable,
  n: Pick<ReviewNote, 'reviewId' | 'h3' | 'kind' | 'body' | 'owner' | 'status'> & { createdBy: number },
): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    'insert into review_notes (review_id, h3, kind, body, owner, status, created_by) values ($1, $2, $3, $4, $5, $6, $7) returning id',
    [n.reviewId, n.h3, n.kind, n.body, n.owner, n.status, n.createdBy],
  );
  return row!.id;
}

export async function updateNoteStatus(
  db: Queryable,
  id: number,
  status: NonNullable<ReviewNote['status']>,
): Promise<{ reviewId: number } | undefined> {
  const [row] = await db.query<{ reviewId: number }>(
    `update review_notes set status = $2, updated_at = now() where id = $1 and kind = 'action' returning review_id as "reviewId"`,
    [id, status],
  );
  return row;
}

export interface Watched {
  h3: string;
  addedReviewId: number | null;
  addedAt: string;
  reason: string | null;
}

export async function watchList(db: Queryable, panelId: number): Promise<Watched[]> {
  return db.query<Watched>(
    `select h3, added_review_id as "addedReviewId", ${ts('added_at')} as "addedAt", reason from watch_list where panel_id = $1 order by added_at, h3`,
    [panelId],
  );
}

export async function watch(
  db: Queryable,
  w: { panelId: number; h3: string; reviewId: number; reason: string | null; addedBy: number },
): Promise<boolean> {
  const rows = await db.query(
    'insert into watch_list (panel_id, h3, added_review_id, reason, added_by) values ($1, $2, $3, $4, $5) on conflict (panel_id, h3) do nothing returning h3',
    [w.panelId, w.h3, w.reviewId, w.reason, w.addedBy],
  );
  return rows.length > 0;
}

export async function unwatch(db: Queryable, panelId: number, h3: string): Promise<boolean> {
  return (
    (await db.query('delete from watch_list where panel_id = $1 and h3 = $2 returning h3', [panelId, h3])).length > 0
  );
}

export async function reviewOfNote(db: Queryable, noteId: number): Promise<number | undefined> {
  return (
    await db.query<{ reviewId: number }>('select review_id as "reviewId" from review_notes where id = $1', [noteId])
  )[0]?.reviewId;
}
