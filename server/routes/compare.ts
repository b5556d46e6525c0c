import { areaKey } from '../domain/area.js';
import { Hono } from 'hono';
import { z } from 'zod';
import { areaList } from '../http/area-list.js';
import type { AppEnv } from '../http/env.js';
import { auditRestrictedAnalysis } from '../http/prepare-selection.js';
import { selectionFields, selectionSchema } from '../http/selection-params.js';
import { selection } from '../http/selection.js';
import { compareAreas } from '../services/compare.js';

const { area: _area, res: _res, ...rest } = selectionFields;

const compareQuery = selectionSchema({
  ...rest,
  areas: areaList(2, 12),
  res: z
    .enum(['7', '8', '9'])
    .default('9')
    .transform((r) => Number(r) as 7 | 8 | 9),
  k: z.enum(['1', '2', '3']).default('1').transform(Number),
});

export const compareRoutes = new Hono<AppEnv>().get(
  '/compare',
  // Every area's access first, in order: the first refusal is the answer.
  selection(compareQuery, {
    each: (q) => q.areas.map((area) => ({ ...q, area })),
    label: (q, i) => areaKey(q.areas[i])!,
  }),
  async (c) => {
    const selections = c.var.selections;
    const result = await compareAreas(c.get('db'), selections, c.req.valid('query'));
    if (!result.ok) return c.json(result.body, result.status);
    for (const [i, row] of result.value.areas.entries())
      await auditRestrictedAnalysis(c, selections[i]!, 'compare', { area: row.area });
    return c.json(result.value);
  },
);
