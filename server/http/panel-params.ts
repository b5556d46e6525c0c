import { z } from 'zod';
import { FLAGS } from '../domain/flags.js';
import { isOffenceGroup } from '../domain/offence-groups.js';
import type { Panel } from '../db/panels.js';
import { changeQuery } from './change-params.js';

export const idParam = z.object({ id: z.coerce.number().int().positive() });
export const PRIORITY_LIMIT = 25;
/** Periods of history frozen with a review for each priority and watched location. */
export const SERIES_PERIODS = 8;

/** What a panel's reviews analyse, stored with the panel. */
export const panelSelection = z
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

export const newPanel = z
  .object({
    partnershipId: z.number().int().positive(),
    name: z.string().trim().min(1).max(200),
    cadence: z.enum(['fortnight', 'month', 'quarter']).default('fortnight'),
    selection: panelSelection,
  })
  .strict();
export const newReview = z
  .object({ meetingDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD') })
  .strict();
export const newNote = z
  .object({
    h3: z.string().regex(/^[0-9a-f]{15}$/),
    kind: z.enum(['note', 'action']),
    body: z.string().trim().min(1).max(4000),
    owner: z.string().trim().max(200).optional(),
    status: z.enum(['open', 'in-progress', 'done']).optional(),
  })
  .strict();
export const newWatch = z
  .object({
    h3: z.string().regex(/^[0-9a-f]{15}$/),
    reviewId: z.number().int().positive(),
    reason: z.string().trim().max(1000).optional(),
  })
  .strict();

/** An admin's reason for reading panels of a partnership they do not belong to; every such read is audited. */
export const overrideQuery = z.object({
  override: z
    .string()
    .trim()
    .min(10, "give the reason for reading another partnership's panel (at least 10 characters)")
    .max(500)
    .optional(),
});

/** The query string form of a panel's selection for a meeting, checked as /api/change checks its own. */
export function changeSelection(panel: Panel, meetingDate: string) {
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
