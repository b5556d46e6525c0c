import { areaKey } from '../domain/area.js';
import { Hono } from 'hono';
import { z } from 'zod';
import { areaList } from '../http/area-list.js';
import type { AppEnv } from '../http/env.js';
import { auditRestrictedAnalysis } from '../http/prepare-selection.js';
import { selectionFields, selectionSchema } from '../http/selection-params.js';
import { selection } from '../http/selection.js';
import { crossBorder } from '../services/cross-border.js';

const { area: _area, res: _res, ...rest } = selectionFields;

const crossBorderQuery = selectionSchema({
  ...rest,
  areas: areaList(2, 4),
  res: z
    .enum(['7', '8', '9'])
    .default('8')
    .transform((r) => Number(r) as 7 | 8 | 9),
  k: z.enum(['1', '2', '3']).default('1').transform(Number),
});

export const crossBorderRoutes = new Hono<AppEnv>().get(
  '/cross-border',
  // Every area goes through the access policy on its own: a grant limited to one side does not open the other.
  selection(crossBorderQuery, {
    each: (q) => q.areas.map((area) => ({ ...q, area })),
    label: (q, i) => areaKey(q.areas[i])!,
  }),
  async (c) => {
    const q = c.req.valid('query');
    const first = c.var.selections[0]!;
    const result = await crossBorder(c.get('db'), c.var.selections, q);
    if (!result.ok) return c.json(result.body, result.status);
    const body = result.value;
    const audited = { ...first, echo: { ...first.echo, area: body.areas.map((a) => a.area).join(',') } };
    await auditRestrictedAnalysis(c, audited, 'cross-border', {
      cells: body.cells.length,
      straddling: body.clusters.filter((cl) => cl.straddles).length,
    });
    return c.json(body);
  },
);
