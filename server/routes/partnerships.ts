import { FLAGS } from '../domain/flags.js';
import { Hono } from 'hono';
import { z } from 'zod';
import {
  getPartnership,
  listPartnerships,
  partnershipExists,
  partnershipNameTaken,
  partnershipOutlines,
} from '../db/partnerships.js';
import { getDefinition, listDefinitions, saveDefinition } from '../db/definitions.js';
import { PRESETS } from '../analysis/definitions.js';
import { isOffenceGroup } from '../domain/offence-groups.js';
import { bboxOf } from '../geo/partnership-shape.js';
import { createPartnership } from '../services/partnership-create.js';
import { audit } from '../auth/audit.js';
import { allow } from '../auth/policy.js';
import type { AppEnv } from '../http/env.js';
import { memberOf } from '../http/membership.js';
import { validate } from '../http/validate.js';

const idParam = z.object({ id: z.coerce.number().int().positive() });

const newPartnership = z.union([
  z
    .object({
      name: z.string().trim().min(1).max(200),
      description: z.string().max(1000).optional(),
      lads: z
        .array(z.string().regex(/^[EW]\d{8}$/))
        .min(1)
        .max(400),
    })
    .strict(),
  z
    .object({
      name: z.string().trim().min(1).max(200),
      description: z.string().max(1000).optional(),
      geometry: z.unknown(),
    })
    .strict(),
]);

const newDefinition = z
  .object({
    key: z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'a short lower-case name like serious-violence'),
    name: z.string().trim().min(1).max(200),
    groups: z.array(z.string().refine(isOffenceGroup, 'unknown offence group')).min(1).max(50),
    excludedGroups: z.array(z.string().refine(isOffenceGroup, 'unknown offence group')).max(50).default([]),
    flags: z.array(z.enum(FLAGS)).max(3).default([]),
    note: z.string().trim().max(2000).optional(),
  })
  .strict();

export const partnershipRoutes = new Hono<AppEnv>()
  .get('/partnerships', allow.signedIn(), async (c) => {
    const db = c.get('db');
    const [rows, outlines] = await Promise.all([listPartnerships(db), partnershipOutlines(db)]);
    return c.json({ partnerships: rows.map((p) => ({ ...p, bbox: bboxOf(outlines.get(p.id)) })) });
  })
  .get('/partnerships/:id', allow.signedIn(), validate('param', idParam), async (c) => {
    const p = await getPartnership(c.get('db'), c.req.valid('param').id);
    if (!p) return c.json({ error: `no partnership ${c.req.valid('param').id}` }, 404);
    const { outline, ...rest } = p;
    return c.json({
      partnership: {
        ...rest,
        bbox: bboxOf(outline),
        outline: { type: 'Feature' as const, properties: { name: p.name }, geometry: outline },
      },
    });
  })
  .post('/partnerships', allow.roles(['admin', 'analyst']), validate('json', newPartnership), async (c) => {
    const db = c.get('db');
    const body = c.req.valid('json');
    if (await partnershipNameTaken(db, body.name))
      return c.json({ error: `a partnership named "${body.name}" already exists` }, 409);
    const made = await createPartnership(db, body);
    if (!made.ok) return c.json({ error: made.error }, 400);
    const created = made.id;
    const p = (await getPartnership(db, created))!;
    await audit(c, {
      action: 'partnership.create',
      target: `partnership:${created}`,
      summary: { name: p.name, kind: p.kind },
    });
    const { outline, ...rest } = p;
    return c.json({ partnership: { ...rest, bbox: bboxOf(outline) } }, 201);
  })
  .get('/partnerships/:id/definitions', allow.signedIn(), validate('param', idParam), async (c) => {
    const { id } = c.req.valid('param');
    if (!(await partnershipExists(c.get('db'), id))) return c.json({ error: `no partnership ${id}` }, 404);
    return c.json({ definitions: await listDefinitions(c.get('db'), id), presets: PRESETS });
  })
  .post(
    '/partnerships/:id/definitions',
    allow.roles(['admin', 'analyst']),
    validate('param', idParam),
    validate('json', newDefinition),
    memberOf('param', 'id', 'change its definitions'),
    async (c) => {
      const db = c.get('db');
      const { id } = c.req.valid('param');
      const me = c.get('user')!;
      const body = c.req.valid('json');
      const saved = await saveDefinition(db, { ...body, partnershipId: id, note: body.note ?? null, createdBy: me.id });
      const definition = (await getDefinition(db, saved))!;
      await audit(c, {
        action: 'definition.save',
        target: `partnership:${id}`,
        summary: {
          key: definition.key,
          version: definition.version,
          groups: definition.groups,
          flags: definition.flags,
        },
      });
      return c.json({ definition }, 201);
    },
  );
