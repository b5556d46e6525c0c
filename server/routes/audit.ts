import { Hono } from 'hono';
import { z } from 'zod';
import { audit } from '../auth/audit.js';
import { allow } from '../auth/policy.js';
import { queryAudit, restrictedQueryUse, utcDay } from '../db/audit.js';
import { listDatasets } from '../db/datasets.js';
import type { AppEnv } from '../http/env.js';
import { csvResponse } from '../http/export-format.js';
import { exportLanguageQuery } from '../export/export-language.js';
import { validate } from '../http/validate.js';

const filters = z.object({
  from: z.string().date().optional(),
  to: z.string().date().optional(),
  user: z.string().trim().max(320).optional(),
  action: z.string().trim().max(50).optional(),
  outcome: z.enum(['ok', 'refused', 'failed']).optional(),
  dataset: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});

type Filters = z.infer<typeof filters>;

function toFilter(q: Filters, all = false) {
  // "to" is inclusive of that day.
  const to = q.to ? new Date(Date.parse(q.to) + 86_400_000).toISOString().slice(0, 10) : undefined;
  return {
    from: q.from,
    to,
    user: q.user || undefined,
    action: q.action || undefined,
    outcome: q.outcome,
    datasetId: q.dataset,
    limit: all ? 1_000_000 : q.limit,
    offset: all ? 0 : q.offset,
  };
}

export const auditRoutes = new Hono<AppEnv>()
  .get('/audit/budgets', allow.roles(['admin']), async (c) => {
    const db = c.get('db');
    const settings = c.get('auth');
    const { start, next } = utcDay(settings.now());
    const restricted = new Set((await listDatasets(db)).filter((d) => d.sensitivity === 'restricted').map((d) => d.id));
    const use = (await restrictedQueryUse(db, start)).filter((u) => restricted.has(u.datasetId));
    return c.json({
      budget: settings.dailyRestrictedQueries,
      day: start.toISOString().slice(0, 10),
      resetsAt: next.toISOString(),
      use: use.map((u) => ({ ...u, share: u.used / settings.dailyRestrictedQueries })),
    });
  })
  .get('/audit', allow.roles(['admin']), validate('query', filters), async (c) =>
    c.json(await queryAudit(c.get('db'), toFilter(c.req.valid('query')))),
  )
  .get(
    '/audit/export.csv',
    allow.roles(['admin']),
    validate('query', filters.extend(exportLanguageQuery.shape)),
    async (c) => {
      const { entries } = await queryAudit(c.get('db'), toFilter(c.req.valid('query'), true));
      await audit(c, { action: 'audit.export', summary: { rows: entries.length, filters: c.req.valid('query') } });
      const rows = entries.map((e) => [
        e.id,
        e.at,
        e.userEmail ?? '',
        e.action,
        e.outcome,
        e.ip ?? '',
        e.target ?? '',
        e.datasets.map((d) => `${d.id}:${d.name}`).join('; '),
        JSON.stringify(e.selection ?? null),
        JSON.stringify(e.summary ?? null),
      ]);
      return csvResponse(
        c,
        `hotspot-audit-${new Date().toISOString().slice(0, 10)}`,
        ['id', 'at', 'user', 'action', 'outcome', 'ip', 'target', 'datasets', 'selection', 'summary'],
        rows,
        c.req.valid('query').lang,
      );
    },
  );
