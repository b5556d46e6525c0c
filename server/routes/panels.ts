import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { compareReviews } from '../analysis/review.js';
import { audit } from '../auth/audit.js';
import { allow } from '../auth/policy.js';
import {
  getReview,
  insertNote,
  reviewOfNote,
  insertPanel,
  insertReview,
  listPanels,
  listReviews,
  notesOfPanel,
  previousReview,
  unwatch,
  updateNoteStatus,
  watch,
  watchList,
  getPanel,
  type Panel,
  type Review,
} from '../db/panels.js';
import type { AppEnv } from '../http/env.js';
import { cellsGeoJsonResponse, csvResponse } from '../http/export-format.js';
import { exportLanguageQuery } from '../export/export-language.js';
import { memberOf } from '../http/membership.js';
import { memberPanel, memberReview } from '../http/panel-access.js';
import {
  changeSelection,
  idParam,
  newNote,
  newPanel,
  newReview,
  newWatch,
  overrideQuery,
} from '../http/panel-params.js';
import { preparePeriods } from '../http/period-selection.js';
import { auditRestrictedAnalysis } from '../http/prepare-selection.js';
import { validate } from '../http/validate.js';
import { changePeriods } from '../services/change.js';
import { panelProblem } from '../auth/panel-setup.js';
import { locationLabels } from '../services/location-names.js';
import { freezeReview, seriesPeriods } from '../services/review-freeze.js';

const cellsOf = (review: Review) => review.results.cells;

/** Every location a review shows: its changed cells, priorities, watched and tracked ones. */
const locationsOf = (review: Review) => [
  ...review.results.cells.map((cell) => cell.h3),
  ...review.results.priorities.map((cell) => cell.h3),
  ...review.results.watched.map((w) => w.h3),
  ...Object.keys(review.results.series.cells),
];

/** A review with its panel, the previous review, and the panel's notes and actions up to its meeting. */
async function reviewWithNotes(c: Context<AppEnv>, { review, panel }: { review: Review; panel: Panel }) {
  const db = c.get('db');
  const previous = await previousReview(db, panel.id, review.meetingDate);
  const notes = await notesOfPanel(db, panel.id, review.meetingDate);
  return {
    review,
    panel,
    previous: previous ? { id: previous.id, meetingDate: previous.meetingDate } : null,
    notes,
    /** A name for people for each location shown (the id stays the key). */
    names: await locationLabels(db, [...locationsOf(review), ...notes.map((n) => n.h3)]),
  };
}

export const panelRoutes = new Hono<AppEnv>()
  .get('/panels', allow.signedIn(), validate('query', overrideQuery), async (c) => {
    const me = c.get('user')!;
    const { override } = c.req.valid('query');
    const everyPartnership = me.role === 'admin' && override !== undefined;
    if (everyPartnership)
      await audit(c, { action: 'panel.override', target: 'GET /api/panels', summary: { reason: override } });
    const mine = everyPartnership
      ? null
      : me.scopes.filter((s) => s.startsWith('partnership:')).map((s) => Number(s.slice(12)));
    return c.json({ panels: await listPanels(c.get('db'), mine) });
  })
  .post(
    '/panels',
    allow.roles(['admin', 'analyst']),
    validate('json', newPanel),
    memberOf('json', 'partnershipId', 'set up its panels'),
    async (c) => {
      const db = c.get('db');
      const body = c.req.valid('json');
      const me = c.get('user')!;
      const problem = await panelProblem(db, body, c.get('auth').now());
      if (problem) return c.json({ error: problem.error }, problem.status);
      const id = await insertPanel(db, { ...body, createdBy: me.id });
      if (id === null)
        return c.json({ error: `partnership ${body.partnershipId} already has a panel called "${body.name}"` }, 409);
      await audit(c, {
        action: 'panel.create',
        target: `panel:${id}`,
        summary: { name: body.name, cadence: body.cadence },
      });
      return c.json({ panel: await getPanel(db, id) }, 201);
    },
  )
  .get('/panels/:id', allow.signedIn(), validate('param', idParam), validate('query', overrideQuery), async (c) => {
    const found = await memberPanel(c, c.req.valid('param').id, c.req.valid('query').override);
    if (!found.ok) return c.json({ error: found.error }, found.status);
    const db = c.get('db');
    const watched = await watchList(db, found.value.id);
    return c.json({
      panel: found.value,
      reviews: await listReviews(db, found.value.id),
      watchList: watched,
      names: await locationLabels(
        db,
        watched.map((w) => w.h3),
      ),
    });
  })
  .post(
    '/panels/:id/reviews',
    allow.roles(['admin', 'analyst', 'panel']),
    validate('param', idParam),
    validate('json', newReview),
    async (c) => {
      const found = await memberPanel(c, c.req.valid('param').id);
      if (!found.ok) return c.json({ error: found.error }, found.status);
      const panel = found.value;
      const { meetingDate } = c.req.valid('json');
      const q = changeSelection(panel, meetingDate);
      if (!q.success) {
        const issues = q.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
        return c.json({ error: `the panel's selection is no longer valid: ${issues}` }, 400);
      }
      const change = await preparePeriods(c, q.data, changePeriods(q.data).periods);
      if (!change.ok) return c.json(change.body, change.status);
      const series = await preparePeriods(c, q.data, seriesPeriods(panel, meetingDate));
      if (!series.ok) return c.json(series.body, series.status);
      const db = c.var.db;
      const frozen = await freezeReview(db, panel, meetingDate, { change: change.value, series: series.value }, q.data);
      await auditRestrictedAnalysis(c, change.value, 'change', { cells: frozen.changedCells, classes: frozen.classes });
      const { results, selection, dataVersions } = frozen;
      const id = await insertReview(db, {
        panelId: panel.id,
        meetingDate,
        selection,
        dataVersions,
        results,
        createdBy: c.get('user')!.id,
      });
      if (id === null) return c.json({ error: `panel ${panel.id} already has a review for ${meetingDate}` }, 409);
      await audit(c, {
        action: 'review.create',
        target: `review:${id}`,
        datasets: results.datasets,
        summary: { panel: panel.id, meetingDate, priorities: results.priorities.length },
      });
      return c.json({ review: await getReview(db, id) }, 201);
    },
  )
  .get('/reviews/:id', allow.signedIn(), validate('param', idParam), validate('query', overrideQuery), async (c) => {
    const found = await memberReview(c, c.req.valid('param').id, c.req.valid('query').override);
    if (!found.ok) return c.json({ error: found.error }, found.status);
    return c.json(await reviewWithNotes(c, found.value));
  })
  // The printable report: the review as GET /reviews/:id gives it, recorded as an export.
  .get('/reviews/:id/report', allow.signedIn(), validate('param', idParam), async (c) => {
    const found = await memberReview(c, c.req.valid('param').id);
    if (!found.ok) return c.json({ error: found.error }, found.status);
    await audit(c, {
      action: 'review.export',
      target: `review:${found.value.review.id}`,
      summary: { format: 'report', cells: found.value.review.results.cells.length },
    });
    return c.json(await reviewWithNotes(c, found.value));
  })
  .get(
    '/reviews/:id/compare/:other',
    allow.signedIn(),
    validate('param', z.object({ id: z.coerce.number().int().positive(), other: z.coerce.number().int().positive() })),
    async (c) => {
      const { id, other } = c.req.valid('param');
      const [a, b] = await Promise.all([memberReview(c, other), memberReview(c, id)]);
      if (!a.ok) return c.json({ error: a.error }, a.status);
      if (!b.ok) return c.json({ error: b.error }, b.status);
      if (a.value.panel.id !== b.value.panel.id)
        return c.json({ error: 'reviews of different panels cannot be compared' }, 400);
      const priorities = (r: Review) => r.results.priorities;
      const locations = compareReviews(priorities(a.value.review), priorities(b.value.review));
      return c.json({
        before: { id: other, meetingDate: a.value.review.meetingDate },
        after: { id, meetingDate: b.value.review.meetingDate },
        locations,
        names: await locationLabels(
          c.get('db'),
          locations.map((l) => l.h3),
        ),
      });
    },
  )
  .post('/reviews/:id/notes', allow.signedIn(), validate('param', idParam), validate('json', newNote), async (c) => {
    const found = await memberReview(c, c.req.valid('param').id);
    if (!found.ok) return c.json({ error: found.error }, found.status);
    const body = c.req.valid('json');
    const id = await insertNote(c.get('db'), {
      ...body,
      reviewId: found.value.review.id,
      owner: body.owner ?? null,
      status: body.kind === 'action' ? (body.status ?? 'open') : null,
      createdBy: c.get('user')!.id,
    });
    await audit(c, {
      action: `review.${body.kind}`,
      target: `review:${found.value.review.id}`,
      summary: { note: id, h3: body.h3 },
    });
    return c.json({ id }, 201);
  })
  .patch(
    '/notes/:id',
    allow.signedIn(),
    validate('param', idParam),
    validate('json', z.object({ status: z.enum(['open', 'in-progress', 'done']) }).strict()),
    async (c) => {
      const db = c.get('db');
      const id = c.req.valid('param').id;
      const reviewId = await reviewOfNote(db, id);
      if (reviewId === undefined) return c.json({ error: `no note ${id}` }, 404);
      const found = await memberReview(c, reviewId);
      if (!found.ok) return c.json({ error: found.error }, found.status);
      if (!(await updateNoteStatus(db, id, c.req.valid('json').status)))
        return c.json({ error: 'only actions have a status' }, 400);
      await audit(c, {
        action: 'review.action-status',
        target: `review:${reviewId}`,
        summary: { note: id, status: c.req.valid('json').status },
      });
      return c.json({ ok: true });
    },
  )
  .post('/panels/:id/watch', allow.signedIn(), validate('param', idParam), validate('json', newWatch), async (c) => {
    const found = await memberPanel(c, c.req.valid('param').id);
    if (!found.ok) return c.json({ error: found.error }, found.status);
    const body = c.req.valid('json');
    const review = await getReview(c.get('db'), body.reviewId);
    if (!review || review.panelId !== found.value.id)
      return c.json({ error: `review ${body.reviewId} is not one of panel ${found.value.id}'s` }, 400);
    const added = await watch(c.get('db'), {
      panelId: found.value.id,
      h3: body.h3,
      reviewId: body.reviewId,
      reason: body.reason ?? null,
      addedBy: c.get('user')!.id,
    });
    if (!added) return c.json({ error: `${body.h3} is already on the watch-list` }, 409);
    await audit(c, { action: 'panel.watch', target: `panel:${found.value.id}`, summary: { h3: body.h3 } });
    return c.json({ watchList: await watchList(c.get('db'), found.value.id) }, 201);
  })
  .delete(
    '/panels/:id/watch/:h3',
    allow.signedIn(),
    validate('param', z.object({ id: z.coerce.number().int().positive(), h3: z.string().regex(/^[0-9a-f]{15}$/) })),
    async (c) => {
      const { id, h3 } = c.req.valid('param');
      const found = await memberPanel(c, id);
      if (!found.ok) return c.json({ error: found.error }, found.status);
      if (!(await unwatch(c.get('db'), id, h3))) return c.json({ error: `${h3} is not on the watch-list` }, 404);
      await audit(c, { action: 'panel.unwatch', target: `panel:${id}`, summary: { h3 } });
      return c.json({ watchList: await watchList(c.get('db'), id) });
    },
  )
  .get(
    '/reviews/:id/export/:format',
    allow.signedIn(),
    validate(
      'param',
      z.object({ id: z.coerce.number().int().positive(), format: z.enum(['cells.csv', 'cells.geojson']) }),
    ),
    validate('query', exportLanguageQuery),
    async (c) => {
      const { id, format } = c.req.valid('param');
      const { lang } = c.req.valid('query');
      const found = await memberReview(c, id);
      if (!found.ok) return c.json({ error: found.error }, found.status);
      const { review } = found.value;
      const cells = cellsOf(review);
      await audit(c, { action: 'review.export', target: `review:${id}`, summary: { format, cells: cells.length } });
      const name = `review-${id}-${review.meetingDate}`;
      // The id stays a column (joins, GIS); the name is for people reading the export.
      const names = await locationLabels(
        c.get('db'),
        cells.map((cell) => cell.h3),
      );
      const named = cells.map((cell) => ({ ...cell, location: names[cell.h3] ?? null }));
      if (format === 'cells.geojson') return cellsGeoJsonResponse(c, name, named);
      return csvResponse(
        c,
        name,
        ['h3', 'location', 'current', 'comparison', 'class'],
        named.map((cell) => [cell.h3, cell.location, cell.current, cell.comparison, cell.class]),
        lang,
      );
    },
  );
