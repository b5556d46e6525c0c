import { Hono } from 'hono';
import { z } from 'zod';
import { periodSeries } from '../analysis/periods.js';
import { areaParam } from '../domain/area.js';
import { changeQuery, spaceTimeQuery, trendQuery } from '../http/change-params.js';
import type { AppEnv } from '../http/env.js';
import { auditRestrictedAnalysis } from '../http/prepare-selection.js';
import { publicRefusal } from '../http/public-check.js';
import { selection, signInFirst } from '../http/selection.js';
import { validate } from '../http/validate.js';
import { releasedCellsByPeriod } from '../release/gate.js';
import { releaseOf } from '../services/selection.js';
import { areaTrend, cellChange, changePeriods, spaceTime, trendPeriods } from '../services/change.js';

export const changeRoutes = new Hono<AppEnv>()
  .get('/change', selection(changeQuery, { periods: (q) => changePeriods(q).periods }), async (c) => {
    const s = c.var.selection;
    const result = await cellChange(c.var.db, s, c.req.valid('query'));
    await auditRestrictedAnalysis(c, s, 'change', { cells: result.cells.length, classes: result.classes });
    return c.json(result);
  })
  .get(
    '/space-time',
    selection(spaceTimeQuery, { periods: (q) => periodSeries(q.period, q.asOf, q.periods) }),
    async (c) => {
      const q = c.req.valid('query');
      const s = c.var.selection;
      const periods = periodSeries(q.period, q.asOf, q.periods);
      const released = await releasedCellsByPeriod(c.var.db, releaseOf(s), periods);
      const result = await spaceTime(c.var.db, s, released, { ...q, periods });
      await auditRestrictedAnalysis(c, s, 'space-time', { cells: result.cells.length, periods: periods.length });
      return c.json(result);
    },
  )
  .get(
    '/areas/:area/trend',
    signInFirst,
    validate('param', z.object({ area: areaParam })),
    selection(trendQuery, {
      areaFromPath: true,
      each: (q) => [{ ...q, res: 9 as const }],
      periods: (q) => trendPeriods(q).periods,
    }),
    async (c) => {
      const q = c.req.valid('query');
      const s = c.var.selection;
      const result = await areaTrend(c.var.db, s, c.req.valid('param').area, q);
      if (q.public) {
        // Area totals only: no cells, no settings.
        const counts = result.series.map((p) => p.count);
        const refusal = publicRefusal({ res: null, restricted: s.threshold !== null, counts, settings: [] });
        if (refusal) return c.json(refusal.body, refusal.status);
      }
      await auditRestrictedAnalysis(c, s, 'trend', { periods: result.series.length });
      return c.json(result);
    },
  );
