import { Hono } from 'hono';
import { z } from 'zod';
import { audit } from '../auth/audit.js';
import { allow } from '../auth/policy.js';
import { restrictedPlaceAccess } from '../auth/place-access.js';
import { placeTypeSummaries, queryPlaces } from '../db/places.js';
import { PLACE_TYPE_LABELS } from '../geo/places.js';
import { importPlaces, PLACE_TYPES, SENSITIVE_PLACE_TYPES } from '../ingest/import-places.js';
import type { AppEnv } from './env.js';
import { resolveOwner } from './owner-field.js';
import { handleUpload } from './upload.js';
import { validate } from './validate.js';

const MAX_PLACES = 5000;
const MAX_PLACES_UPLOAD_BYTES = 200 * 1024 ** 2;


const bbox = z
  .string()
  .transform((s) => s.split(',').map(Number))
  .refine((b) => b.length === 4 && b.every(Number.isFinite) && b[0]! <= b[2]! && b[1]! <= b[3]!, 'expected west,south,east,north in degrees')
  .transform((b) => b as [number, number, number, number]);

const uploadFields = z.object({
  layer: z.string().trim().min(1).max(200),
  type: z.enum(PLACE_TYPES).default('custom'),
  restricted: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  owner: z.string().optional(),
  source: z.string().trim().max(300).default('uploaded by a user'),
  licence: z.string().trim().max(300).optional(),
});

export const placeRoutes = new Hono<AppEnv>()
  .get('/places/types', allow.signedIn(), async (c) => {
    const types = await placeTypeSummaries(c.get('db'), await restrictedPlaceAccess(c));
    return c.json({ types: types.map((t) => ({ ...t, label: PLACE_TYPE_LABELS[t.type] ?? t.type })) });
  })
  .get('/places', allow.signedIn(), validate('query', z.object({ types: z.string().optional(), type: z.string().optional(), bbox: bbox.optional() })), async (c) => {
    const q = c.req.valid('query');
    const types = [q.types, q.type].filter(Boolean).join(',');
    const rows = await queryPlaces(c.get('db'), { types: types ? types.split(',').filter(Boolean) : undefined, bbox: q.bbox, restrictedAccess: await restrictedPlaceAccess(c), limit: MAX_PLACES + 1 });
    const restrictedRows = rows.filter((r) => r.restricted);
    if (restrictedRows.length > 0)
      await audit(c, { action: 'places', target: 'GET /api/places', selection: q, summary: { restrictedPlacesReturned: Math.min(restrictedRows.length, MAX_PLACES), layers: [...new Set(restrictedRows.map((r) => r.layer))] } });
    return c.json({ places: rows.slice(0, MAX_PLACES), truncated: rows.length > MAX_PLACES });
  })
  .post('/places', allow.roles(['admin', 'analyst']), (c) =>
    handleUpload(c, MAX_PLACES_UPLOAD_BYTES, async (upload) => {
      const fields = uploadFields.safeParse(upload.fields);
      if (!fields.success) return c.json({ error: `invalid upload: ${fields.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` }, 400);
      if (upload.files.size !== 1) return c.json({ error: 'send exactly one file (CSV or GeoJSON)' }, 400);
      const [[path, fileName]] = [...upload.files.entries()] as [[string, string]];
      const restricted = fields.data.restricted || SENSITIVE_PLACE_TYPES.has(fields.data.type);
      const owner = restricted ? resolveOwner(c.get('user')!, fields.data.owner) : { owner: null };
      if ('error' in owner) return c.json({ error: owner.error }, 400);
      const report = await importPlaces(c.get('db'), { ...fields.data, ownerScope: owner.owner, licence: fields.data.licence ?? null, path, fileName });
      await audit(c, { action: 'places.import', target: `layer:${fields.data.layer}`, summary: { type: fields.data.type, restricted, rowsAccepted: report.rowsAccepted, rowsRejected: report.rowsRejected } });
      return c.json({ report }, 201);
    }),
  );
