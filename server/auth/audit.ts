import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { appendAudit, type AuditEntry } from '../db/audit.js';
import type { AppEnv } from '../routes/env.js';

export function clientAddress(c: Context): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // in-process requests (tests) have no socket
  }
}

/** Appends to the audit log as the current user. */
export async function audit(c: Context<AppEnv>, entry: Partial<AuditEntry> & Pick<AuditEntry, 'action'>): Promise<void> {
  const user = c.get('user');
  await appendAudit(c.get('db'), {
    userId: user?.id ?? null,
    userEmail: user?.email ?? null,
    outcome: 'ok',
    ip: clientAddress(c),
    target: null,
    datasets: [],
    selection: null,
    summary: null,
    ...entry,
  }, c.get('auth').now());
}
