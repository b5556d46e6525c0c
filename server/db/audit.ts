import type { Queryable } from './types.js';

export interface AuditEntry {
  userId: number | null;
  userEmail: string | null;
  action: string;
  outcome: 'ok' | 'refused' | 'failed';
  ip: string | null;
  /** What the action was about: an email, 'dataset:3', 'grant:5', a route. */
  target: string | null;
  datasets: { id: number; name: string }[];
  /** The request's parameters (never restricted values). */
  selection: unknown;
  /** What was returned, in summary: counts of cells released and suppressed, never the values. */
  summary: unknown;
}

export interface AuditRecord extends AuditEntry {
  id: number;
  at: string;
}

export async function appendAudit(db: Queryable, e: AuditEntry, at = new Date()): Promise<void> {
  await db.query(
    'insert into audit_log (at, user_id, user_email, action, outcome, ip, target, datasets, selection, summary) values ($10, $1, $2, $3, $4, $5, $6, $7, $8, $9)',
    [e.userId, e.userEmail, e.action, e.outcome, e.ip, e.target, JSON.stringify(e.datasets), e.selection === undefined ? null : JSON.stringify(e.selection), e.summary === undefined ? null : JSON.stringify(e.summary), at.toISOString()],
  );
}

export interface AuditFilter {
  from?: string;
  to?: string;
  user?: string;
  action?: string;
  datasetId?: number;
  outcome?: string;
  limit: number;
  offset: number;
}

export async function queryAudit(db: Queryable, f: AuditFilter): Promise<{ total: number; entries: AuditRecord[] }> {
  const where = `where ($1::timestamptz is null or at >= $1) and ($2::timestamptz is null or at < $2)
      and ($3::text is null or user_email = lower($3) or (user_email is null and target = lower($3))) and ($4::text is null or action like $4 || '%')
      and ($5::int is null or datasets @> jsonb_build_array(jsonb_build_object('id', $5::int))) and ($6::text is null or outcome = $6)`;
  const params = [f.from ?? null, f.to ?? null, f.user ?? null, f.action ?? null, f.datasetId ?? null, f.outcome ?? null];
  const [{ total }] = (await db.query<{ total: number }>(`select count(*)::int as total from audit_log ${where}`, params)) as [{ total: number }];
  const entries = await db.query<AuditRecord>(
    `select id::int as id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, user_id as "userId", user_email as "userEmail",
            action, outcome, ip, target, datasets, selection, summary
     from audit_log ${where} order by id desc limit $7 offset $8`,
    [...params, f.limit, f.offset],
  );
  return { total, entries };
}

/**
 * Failed sign-ins since `since` for an email, from an address, or (both given) for that email
 * from that address: the login throttle reads the audit log, so it holds across processes.
 */
export async function countFailedSignIns(db: Queryable, by: { email?: string; ip?: string | null }, since: Date): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `select count(*)::int as n from audit_log where action = 'signin' and outcome = 'failed' and at >= $1
       and ($2::text is null or target = $2) and ($3::text is null or ip = $3)`,
    [since.toISOString(), by.email ?? null, by.ip ?? null],
  );
  return rows[0]!.n;
}
