import { getResolution, isValidCell } from 'h3-js';
import { Hono } from 'hono';
import { z } from 'zod';
import { restrictedPlaceAccess } from '../auth/place-access.js';
import type { AppEnv } from '../http/env.js';
import { auditRestrictedAnalysis } from '../http/prepare-selection.js';
import { selection, signInFirst } from '../http/selection.js';
import { neighbourhoodField, selectionFields, selectionSchema } from '../http/selection-params.js';
import { validate } from '../http/validate.js';
import { cellDetail, cellOutsideArea, DETAIL_SETTINGS_WITHIN } from '../services/cell-detail.js';

const cellParam = z.object({
  h3: z.string().refine(isValidCell, 'expected an H3 cell id'),
});

const detailQuery = selectionSchema({
  ...selectionFields,
  area: selectionFields.area.unwrap(),
  k: neighbourhoodField,
  within: z.coerce.number().min(50).max(5000).default(DETAIL_SETTINGS_WITHIN),
});

/** Partnerships the user belongs to (`partnership:ID` scopes): whose panels' notes they may read. */
const partnershipsOf = (scopes: readonly string[]) =>
  scopes.flatMap((s) => (/^partnership:\d+$/.test(s) ? [Number(s.slice(12))] : []));

export const cellDetailRoutes = new Hono<AppEnv>().get(
  '/cells/:h3/detail',
  signInFirst,
  validate('param', cellParam),
  selection(detailQuery),
  async (c) => {
    const { h3 } = c.req.valid('param');
    const q = c.req.valid('query');
    if (getResolution(h3) !== q.res)
      return c.json({ error: `cell ${h3} is of resolution ${getResolution(h3)}, not the selection's ${q.res}` }, 400);
    const s = c.var.selection;
    const outside = await cellOutsideArea(c.var.db, h3, q.area, q.res);
    if (outside) return c.json({ error: outside }, 404);
    const result = await cellDetail(
      c.var.db,
      s,
      { ...q, h3 },
      { places: await restrictedPlaceAccess(c), partnershipIds: partnershipsOf(c.var.user!.scopes) },
    );
    await auditRestrictedAnalysis(c, s, 'cell-detail', {
      countReleased: result.count !== null,
      monthsWithheld: result.months.filter((m) => m.covered && m.count === null).length,
    });
    return c.json(result);
  },
);
