import { Hono } from 'hono';
import { areasSelection } from '../http/area-list.js';
import type { AppEnv } from '../http/env.js';
import { auditRestrictedAnalysis } from '../http/prepare-selection.js';
import { neighbourhoodField } from '../http/selection-params.js';
import { selection } from '../http/selection.js';
import { compareAreas } from '../services/compare.js';

const compareQuery = areasSelection(2, 12, '9', neighbourhoodField);

export const compareRoutes = new Hono<AppEnv>().get(
  '/compare',
  // Every area's access first, in order: the first refusal is the answer.
  selection(compareQuery.schema, compareQuery.options),
  async (c) => {
    const selections = c.var.selections;
    const result = await compareAreas(c.get('db'), selections, c.req.valid('query'));
    if (!result.ok) return c.json(result.body, result.status);
    for (const [i, row] of result.value.areas.entries())
      await auditRestrictedAnalysis(c, selections[i]!, 'compare', { area: row.area });
    return c.json(result.value);
  },
);
