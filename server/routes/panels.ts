import { FLAGS } from '../domain/flags.js';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { periodSeries } from '../analysis/periods.js';
import {
  compareReviews,
  reviewPriorities,
  watchedMovement,
  type ReviewCell,
  type ReviewResults,
} from '../analysis/review.js';
import { countOverPeriods } from '../http/period-selection.js';
import { audit } from '../auth/audit.js';
import { datasetAccess } from '../auth/dataset-access.js';
import { allow } from '../auth/policy.js';
import { datasetVersions } from '../db/datasets.js';
import {
  getPanel,
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
  type Panel,
  type Review,
} from '../db/panels.js';
import { partnershipExists } from '../db/partnerships.js';
import type { Principal } from '../auth/access.js';
import { panelProblem } from '../services/panel-setup.js';
import { isOffenceGroup } from '../domain/offence-groups.js';
import { changeQuery, computeChange } from './change.js';
import type { AppEnv } from '../http/env.js';
import { cellsGeoJsonResponse, csvResponse } from '../http/export-format.js';
import { validate } from '../http/validate.js';

const idParam = z.object({ id: z.coerce.number().int().positive() });
const PRIORITY_LIMIT = 25;
/** Periods of history frozen with a review for each priority and watched location. */
const SERIES_PERIODS = 8;

/** What a panel's reviews analyse, stored with the panel. */
const panelSelection = z
  .object({
    datasets: z.array(z.number().int().positive()).min(1).max(20),
    groups: z.array(z.string().refine(isOffenceGroup, 'unknown offence group')).min(1).max(50).optional(),
    definition: z
      .string()
      .regex(/^(preset:[a-z-]+|\d+)$/)
      .optional(),
    flags: z.array(z.enum(FLAGS)).max(3).optional(),
    res: z.union([z.literal(7), z.literal(8), z.literal(9)]).default(9),
    k: z.number().int().min(1).max(3).default(1),
    /** Defaults to the partnership itself. */
    area: z.string().optional(),
  })
  .strict();

const newPanel = z
  .object({
    partnershipId: z.number().int().positive(),
    name: z.string().trim().min(1).max(200),
    cadence: z.enum(['fortnight', 'month', 'quarter']).default('fortnight'),
    selection: panelSelection,
  })
  .strict();
const newReview = z.object({ meetingDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD') }).strict();
const newNote = z
  .object({
    h3: z.string().regex(/^[0-9a-f]{15}$/),
    kind: z.enum(['note', 'action']),
    body: z.string().trim().min(1).max(4000),
    owner: z.string().trim().max(200).optional(),
    status: z.enum(['open', 'in-progress', 'done']).optional(),
  })
  .strict();
const newWatch = z
  .object({
    h3: z.string().regex(/^[0-9a-f]{15}$/),
    reviewId: z.number().int().positive(),
    reason: z.string().trim().max(1000).optional(),
  })
  .strict();

type Found<T> = { ok: true; value: T } | { ok: false; status: 403 | 404; error: string };

const isMember = (user: Principal, partnershipId: number) => user.scopes.includes(`partnership:${partnershipId}`);

/** An admin's reason for reading panels of a partnership they do not belong to; every such read is audited. */
const overrideQuery = z.object({
  override: z
    .string()
    .trim()
    .min(10, "give the reason for reading another partnership's panel (at least 10 characters)")
    .max(500)
    .optional(),
});

/**
 * The panel, if the user is a member of its partnership. Panels are their partnership's own: an
 * admin who is not a member reads one only with a stated reason (`override`), audited, and
 * never writes to it.
 */
async function memberPanel(c: Context<AppEnv>, id: number, override?: string): Promise<Found<Panel>> {
  const panel = await getPanel(c.get('db'), id);
  if (!panel) return { ok: false, status: 404, error: `no panel ${id}` };
  const me = c.get('user')!;
  if (isMember(me, panel.partnershipId)) return { ok: true, value: panel };
  if (me.role === 'admin' && override) {
    await audit(c, {
      action: 'panel.override',
      target: `panel:${panel.id}`,
      summary: { reason: override, partnership: panel.partnershipId, route: `${c.req.method} ${c.req.path}` },
    });
    return { ok: true, value: panel };
  }
  const how =
    me.role === 'admin' ? ': as an admin you may read it with a stated reason (override), which is audited' : '';
  return {
    ok: false,
    status: 403,
    error: `only members of partnership ${panel.partnershipId} can see its panels${how}`,
  };
}

/** The review, if the user may see its panel and may still use every dataset it used. */
async function memberReview(
  c: Context<AppEnv>,
  id: number,
  override?: string,
): Promise<Found<{ review: Review; panel: Panel }>> {
  const review = await getReview(c.get('db'), id);
  if (!review) return { ok: false, status: 404, error: `no review ${id}` };
  const panel = await memberPanel(c, review.panelId, override);
  if (!panel.ok) return panel;
  const access = await datasetAccess(c, review.selection.datasets, review.selection.area, { review: id });
  if (!access.ok) return { ok: false, status: 403, error: access.refusal.body.error };
  return { ok: true, value: { review, panel: panel.value } };
}

const cellsOf = (review: Review) => review.results.cells;

/** A review with its panel, the previous review, and the panel's notes and actions up to its meeting. */
async function reviewWithNotes(c: Context<AppEnv>, { review, panel }: { review: Review; panel: Panel }) {
  const db = c.get('db');
  const previous = await previousReview(db, panel.id, review.meetingDate);
  return {
    review,
    panel,
    previous: previous ? { id: previous.id, meetingDate: previous.meetingDate } : null,
    notes: await notesOfPanel(db, panel.id, review.meetingDate),
  };
}

/** The query string form of a panel's selection for a meeting, checked as /api/change checks its own. */
function changeSelection(panel: Panel, meetingDate: string) {
  const s = panel.selection as z.infer<typeof panelSelection>;
  return changeQuery.safeParse({
    datasets: s.datasets.join(','),
    ...(s.groups ? { groups: s.groups.join(',') } : {}),
    ...(s.definition ? { definition: s.definition } : {}),
    ...(s.flags?.length ? { flags: s.flags.join(',') } : {}),
    res: String(s.res),
    k: String(s.k),
    area: s.area ?? `partnership:${panel.partnershipId}`,
    period: panel.cadence,
    asOf: meetingDate,
    compare: 'previous',
  });
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
  .post('/panels', allow.roles(['admin', 'analyst']), validate('json', newPanel), async (c) => {
    const db = c.get('db');
    const body = c.req.valid('json');
    const me = c.get('user')!;
    if (!(await partnershipExists(db, body.partnershipId)))
      return c.json({ error: `no partnership ${body.partnershipId}` }, 404);
    if (!isMember(me, body.partnershipId))
      return c.json({ error: `only members of partnership ${body.partnershipId} can set up its panels` }, 403);
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
  })
  .get('/panels/:id', allow.signedIn(), validate('param', idParam), validate('query', overrideQuery), async (c) => {
    const found = await memberPanel(c, c.req.valid('param').id, c.req.valid('query').override);
    if (!found.ok) return c.json({ error: found.error }, found.status);
    const db = c.get('db');
    return c.json({
      panel: found.value,
      reviews: await listReviews(db, found.value.id),
      watchList: await watchList(db, found.value.id),
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
      if (!q.success)
        return c.json(
          {
            error: `the panel's selection is no longer valid: ${q.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
          },
          400,
        );
      const change = await computeChange(c, q.data);
      if (!change.ok) return c.json(change.body, change.status);
      const db = c.get('db');
      const cells = change.body.cells.map(({ h3, current, comparison, class: cls }) => ({
        h3,
        current,
        comparison,
        class: cls,
      }));
      const watched = await watchList(db, panel.id);
      const earlier = new Map<number, ReviewCell[]>();
      for (const id of new Set(watched.map((w) => w.addedReviewId).filter((id): id is number => id !== null))) {
        const r = await getReview(db, id);
        if (r) earlier.set(id, cellsOf(r));
      }
      const { cells: _all, ...rest } = change.body;
      const priorities = reviewPriorities(cells, PRIORITY_LIMIT);
      // The period series of the priority and watched locations, frozen with the rest.
      const seriesPeriods = periodSeries(panel.cadence, meetingDate, SERIES_PERIODS);
      const counted = await countOverPeriods(c, q.data, seriesPeriods);
      if (!counted.ok) return c.json(counted.body, counted.status);
      const tracked = [...new Set([...priorities.map((p) => p.h3), ...watched.map((w) => w.h3)])];
      const series = {
        periods: seriesPeriods,
        cells: Object.fromEntries(tracked.map((h3) => [h3, counted.released.map((m) => (m.has(h3) ? m.get(h3)! : 0))])),
      };
      const results: ReviewResults = {
        ...rest,
        cells,
        priorities,
        watched: watchedMovement(watched, (id) => earlier.get(id), cells),
        series,
      };
      const selection = {
        ...panel.selection,
        datasets: q.data.datasets,
        area: change.body.area,
        period: panel.cadence,
        asOf: meetingDate,
        definition: change.body.definition,
      };
      const id = await insertReview(db, {
        panelId: panel.id,
        meetingDate,
        selection,
        dataVersions: await datasetVersions(db, q.data.datasets),
        results,
        createdBy: c.get('user')!.id,
      });
      if (id === null) return c.json({ error: `panel ${panel.id} already has a review for ${meetingDate}` }, 409);
      await audit(c, {
        action: 'review.create',
        target: `review:${id}`,
        datasets: change.body.datasets,
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
      return c.json({
        before: { id: other, meetingDate: a.value.review.meetingDate },
        after: { id, meetingDate: b.value.review.meetingDate },
        locations: compareReviews(priorities(a.value.review), priorities(b.value.review)),
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
    async (c) => {
      const { id, format } = c.req.valid('param');
      const found = await memberReview(c, id);
      if (!found.ok) return c.json({ error: found.error }, found.status);
      const { review } = found.value;
      const cells = cellsOf(review);
      await audit(c, { action: 'review.export', target: `review:${id}`, summary: { format, cells: cells.length } });
      const name = `review-${id}-${review.meetingDate}`;
      if (format === 'cells.geojson') return cellsGeoJsonResponse(c, name, cells);
      return csvResponse(
        c,
        name,
        ['h3', 'current', 'comparison', 'class'],
        cells.map((cell) => [cell.h3, cell.current, cell.comparison, cell.class]),
      );
    },
  );
