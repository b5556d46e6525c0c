import { Hono } from 'hono';
import { z } from 'zod';
import { ratePerThousand } from '../analysis/rate.js';
import { effectiveThreshold, suppressSmallCounts } from '../analysis/suppress.js';
import { partnershipExists } from '../db/partnerships.js';
import { countByCell } from '../db/cells.js';
import { getDatasetsByIds } from '../db/datasets.js';
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

export const cellRoutes = new Hono<AppEnv>().get('/cells', validate('query', cellsQuery), async (c) => {
  const q = c.req.valid('query');
  const db = c.get('db');
  const datasets = await getDatasetsByIds(db, q.datasets);
  const missing = q.datasets.filter((id) => !datasets.some((d) => d.id === id));
  if (missing.length > 0) return c.json({ error: `unknown dataset id${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}` }, 404);
  const groups = expandGroups(q.groups ?? OFFENCE_GROUPS.map((g) => g.id));
  if (q.area?.kind === 'partnership' && !(await partnershipExists(db, q.area.id))) return c.json({ error: `no partnership ${q.area.id}` }, 404);
  const counts = await countByCell(db, { datasetIds: q.datasets, res: q.res as 7 | 8 | 9 | 10, from: q.from, to: q.to, groups, area: q.area });
  const threshold = effectiveThreshold(datasets);
  const released = threshold === null ? counts : suppressSmallCounts(counts, threshold);
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
