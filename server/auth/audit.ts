import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { appendAudit, type AuditEntry } from '../db/audit.js';
import type { AppEnv } from '../http/env.js';

/** The caller's address: the socket's, or behind a trusted proxy the last X-Forwarded-For hop. */
export function clientAddress(c: Context<AppEnv>): string | null {
  if (c.get('auth')?.trustProxy) {
    const forwarded = c.req
      .header('x-forwarded-for')
      ?.split(',')
      .map((a) => a.trim())
      .filter(Boolean)
      .pop();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // in-process requests (tests) have no socket
  }
}

/** Appends to the audit log as the current user. */
export async function audit(
  c: Context<AppEnv>,
  entry: Partial<AuditEntry> & Pick<AuditEntry, 'action'>,
): Promise<void> {
  const user = c.get('user');
  await appendAudit(
    c.get('db'),
    {
      userId: user?.id ?? null,
      userEmail: user?.email ?? null,
      outcome: 'ok',
      ip: clientAddress(c),
      target: null,
      datasets: [],
      selection: null,
      summary: null,
      ...entry,
    },
    c.get('auth').now(),
  );
}
