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
    [
      e.userId,
      e.userEmail,
      e.action,
      e.outcome,
      e.ip,
      e.target,
      JSON.stringify(e.datasets),
      e.selection === undefined ? null : JSON.stringify(e.selection),
      e.summary === undefined ? null : JSON.stringify(e.summary),
      at.toISOString(),
    ],
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
  const params = [
    f.from ?? null,
    f.to ?? null,
    f.user ?? null,
    f.action ?? null,
    f.datasetId ?? null,
    f.outcome ?? null,
  ];
  const [{ total }] = (await db.query<{ total: number }>(
    `select count(*)::int as total from audit_log ${where}`,
    params,
  )) as [{ total: number }];
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
export async function countFailedSignIns(
  db: Queryable,
  by: { email?: string; ip?: string | null },
  since: Date,
): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `select count(*)::int as n from audit_log where action = 'signin' and outcome = 'failed' and at >= $1
       and ($2::text is null or target = $2) and ($3::text is null or ip = $3)`,
    [since.toISOString(), by.email ?? null, by.ip ?? null],
  );
  return rows[0]!.n;
}

/** The start of the UTC day holding `at`, and of the next one (when a daily budget resets). */
export function utcDay(at: Date): { start: Date; next: Date } {
  const start = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  return { start, next: new Date(start.getTime() + 86_400_000) };
}

/**
 * Restricted queries a user has made since `since`, per dataset: audit rows of restricted
 * analyses (`analysis.*`, one per distinct query and day: see hasAuditedSince) naming each.
 */
export async function restrictedQueriesSince(
  db: Queryable,
  userId: number,
  datasetIds: readonly number[],
  since: Date,
): Promise<Map<number, number>> {
  const rows = await db.query<{ id: number; n: number }>(
    `select (d->>'id')::int as id, count(*)::int as n
       from audit_log, jsonb_array_elements(datasets) d
      where user_id = $1 and at >= $2 and action like 'analysis.%' and outcome = 'ok' and (d->>'id')::int = any($3::int[])
      group by 1`,
    [userId, since.toISOString(), datasetIds],
  );
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** Whether the user's same action on the same selection is in the log since `since` (asked again: not a new query). */
export async function hasAuditedSince(
  db: Queryable,
  e: { userId: number; action: string; selection: unknown },
  since: Date,
): Promise<boolean> {
  const rows = await db.query(
    'select 1 from audit_log where user_id = $1 and at >= $2 and action = $3 and outcome = $4 and selection = $5::jsonb limit 1',
    [e.userId, since.toISOString(), e.action, 'ok', JSON.stringify(e.selection ?? null)],
  );
  return rows.length > 0;
}

export interface BudgetUse {
  userId: number;
  email: string | null;
  datasetId: number;
  dataset: string;
  used: number;
}

/** Every user's restricted queries since `since`, per dataset, most first (the admin's view of the budget). */
export async function restrictedQueryUse(db: Queryable, since: Date): Promise<BudgetUse[]> {
  return db.query<BudgetUse>(
    `select a.user_id as "userId", max(a.user_email) as email, (d->>'id')::int as "datasetId", max(d->>'name') as dataset, count(*)::int as used
       from audit_log a, jsonb_array_elements(a.datasets) d
      where a.at >= $1 and a.action like 'analysis.%' and a.outcome = 'ok' and a.user_id is not null
      group by a.user_id, (d->>'id')::int
      order by used desc, email, "datasetId"`,
    [since.toISOString()],
  );
}
