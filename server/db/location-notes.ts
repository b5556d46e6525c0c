import type { Queryable } from './types.js';

/** A panel's note or action on a location, with the panel and meeting it was recorded at. */
export interface LocationNote {
  id: number;
  panelId: number;
  panelName: string;
  reviewId: number;
  meetingDate: string;
  h3: string;
  kind: 'note' | 'action';
  body: string;
  owner: string | null;
  status: 'open' | 'in-progress' | 'done' | null;
  createdBy: string | null;
  createdAt: string;
}

/**
 * The notes and actions of the partnerships' panels on any of the cells (a location and its
 * parents: a review may track it at a coarser resolution), oldest first.
 */
export async function notesAtLocation(
  db: Queryable,
  partnershipIds: readonly number[],
  cells: readonly string[],
): Promise<LocationNote[]> {
  if (partnershipIds.length === 0 || cells.length === 0) return [];
  return db.query<LocationNote>(
    `select n.id, p.id as "panelId", p.name as "panelName", r.id as "reviewId",
            to_char(r.meeting_date, 'YYYY-MM-DD') as "meetingDate", n.h3, n.kind, n.body, n.owner, n.status,
            u.display_name as "createdBy",
            to_char(n.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "createdAt"
       from review_notes n
       join reviews r on r.id = n.review_id
       join panels p on p.id = r.panel_id
       left join users u on u.id = n.created_by
      where p.partnership_id = any($1::int[]) and n.h3 = any($2::text[])
      order by n.created_at, n.id`,
    [partnershipIds, cells],
  );
}
