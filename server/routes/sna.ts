import { Hono } from 'hono';
import { audit } from '../auth/audit.js';
import { areaTitle } from '../db/areas.js';
import { areaKey, areaParam } from '../domain/area.js';
import type { AppEnv } from '../http/env.js';
import { auditRestrictedAnalysis } from '../http/prepare-selection.js';
import { describeSelection } from '../services/selection.js';
import { publicField, publicRefusal } from '../http/public-check.js';
import { selection } from '../http/selection.js';
import { idList, selectionFields, selectionSchema } from '../http/selection-params.js';
import { snaSources } from '../services/sna.js';

const reportQuery = selectionSchema({
  datasets: idList,
  from: selectionFields.from,
  to: selectionFields.to,
  area: areaParam,
  definition: selectionFields.definition,
  groups: selectionFields.groups,
  public: publicField,
});

/** The chapter reports whole months. */
const monthsOf = (q: { from: string; to: string }) => ({ from: q.from.slice(0, 7), to: q.to.slice(0, 7) });

/**
 * What the SNA place chapter says about its data: the area's names (and whether it is in Wales,
 * for Welsh headings), each dataset with its supplier, legal basis and completeness month by
 * month in the area, and the disclosure rules. Printing the chapter is an export: it is audited.
 */
export const snaRoutes = new Hono<AppEnv>().get(
  '/sna/report',
  selection(reportQuery, { each: (q) => [{ ...q, ...monthsOf(q), res: 9 }] }),
  async (c) => {
    const q = c.req.valid('query');
    const s = c.var.selection;
    const sources = await snaSources(c.var.db, s, q.area, { ...monthsOf(q), public: q.public });
    if (q.public) {
      const counts = sources.filter((d) => d.restricted).flatMap((d) => d.months.map((m) => m.count));
      const refusal = publicRefusal({ res: null, restricted: s.threshold !== null, counts, settings: [] });
      if (refusal) return c.json(refusal.body, refusal.status);
    }
    const area = await areaTitle(c.var.db, q.area);
    await auditRestrictedAnalysis(c, s, 'sna-report', { sources: sources.length });
    const datasets = s.datasets.map((d) => ({ id: d.id, name: d.name }));
    const summary = { format: 'sna-report', area: areaKey(q.area), public: q.public };
    await audit(c, { action: 'export', target: `GET ${c.req.path}`, datasets, selection: s.echo, summary });
    const generatedAt = c.var.auth.now().toISOString();
    return c.json({
      area: { key: areaKey(q.area)!, ...area },
      ...monthsOf(q),
      generatedAt,
      ...describeSelection(s),
      sources,
    });
  },
);
