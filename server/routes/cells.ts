import { Hono } from 'hono';
import { z } from 'zod';
import { ratePerThousand } from '../analysis/rate.js';
import { effectiveThreshold, suppressSmallCounts } from '../analysis/suppress.js';
import { audit } from '../auth/audit.js';
import { areaKey, datasetAccess } from '../auth/dataset-access.js';
import { allow } from '../auth/policy.js';
import { countByCell } from '../db/cells.js';
import { partnershipExists } from '../db/partnerships.js';
import { expandGroups, isOffenceGroup, OFFENCE_GROUPS } from '../ingest/offence-groups.js';
import { areaParam } from './area-param.js';
import type { AppEnv } from './env.js';
import { validate } from './validate.js';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM');
const idList = z
  .string()
  .regex(/^\d+(,\d+)*$/, 'expected comma-separated dataset ids')
  .transform((s) => [...new Set(s.split(',').map(Number))]);
const groupList = z
  .string()
  .transform((s) => s.split(',').filter(Boolean))
  .refine((gs) => gs.every(isOffenceGroup), { message: `unknown offence group (known: ${OFFENCE_GROUPS.map((g) => g.id).join(', ')})` });

export const cellsQuery = z
  .object({
    datasets: idList,
    res: z.enum(['7', '8', '9', '10']).default('8').transform(Number),
    from: month,
    to: month,
    groups: groupList.optional(),
    area: areaParam.optional(),
  })
  .refine((q) => q.from <= q.to, { message: '"from" is after "to"', path: ['from'] });

export const cellRoutes = new Hono<AppEnv>().get('/cells', allow.signedIn({ datasets: true }), validate('query', cellsQuery), async (c) => {
  const q = c.req.valid('query');
  const db = c.get('db');
  if (q.area?.kind === 'partnership' && !(await partnershipExists(db, q.area.id))) return c.json({ error: `no partnership ${q.area.id}` }, 404);
  const selection = { ...q, area: areaKey(q.area) };
  const access = await datasetAccess(c, q.datasets, areaKey(q.area), selection);
  if (!access.ok) return c.json(access.refusal.body, access.refusal.status);
  const { datasets } = access;
  const groups = expandGroups(q.groups ?? OFFENCE_GROUPS.map((g) => g.id));
  const counts = await countByCell(db, { datasetIds: q.datasets, res: q.res as 7 | 8 | 9 | 10, from: q.from, to: q.to, groups, area: q.area });
  const threshold = effectiveThreshold(datasets);
  const released = threshold === null ? counts : suppressSmallCounts(counts, threshold);
  if (threshold !== null) {
    const suppressed = released.filter((r) => r.count === null).length;
    await audit(c, {
      action: 'analysis.cells', target: 'GET /api/cells', datasets: datasets.map((d) => ({ id: d.id, name: d.name })), selection,
      summary: { cellsReturned: released.length, cellsSuppressed: suppressed, threshold },
    });
  }
  return c.json({
    res: q.res,
    from: q.from,
    to: q.to,
    datasets: q.datasets,
    groups,
    restricted: threshold !== null,
    threshold,
    area: q.area ?? null,
    cells: released.map((cell, i) => ({ ...cell, population: counts[i]!.population, rate: ratePerThousand(cell.count, counts[i]!.population) })),
  });
});
