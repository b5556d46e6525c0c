import { Hono } from 'hono';
import { areasSelection } from '../http/area-list.js';
import type { AppEnv } from '../http/env.js';
import { auditRestrictedAnalysis } from '../http/prepare-selection.js';
import { selection } from '../http/selection.js';
import { crossBorder } from '../services/cross-border.js';

const crossBorderAreas = areasSelection(2, 4, '8');

export const crossBorderRoutes = new Hono<AppEnv>().get(
  '/cross-border',
  // Every area goes through the access policy on its own: a grant limited to one side does not open the other.
  selection(crossBorderAreas.schema, crossBorderAreas.options),
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
