import { Hono } from 'hono';
import { z } from 'zod';
import { canManage } from '../auth/access.js';
import { audit } from '../auth/audit.js';
import { allow, DATA_EDITORS } from '../auth/policy.js';
import { restrictedPlaceAccess } from '../auth/place-access.js';
import {
  deletePlaceLayer,
  findPlaceLayer,
  getVisiblePlaceLayer,
  listPlaceLayers,
  placeTypeSummaries,
  queryPlaces,
} from '../db/places.js';
import { PLACE_TYPES, placeTypeLabel, SENSITIVE_PLACE_TYPES } from '../domain/place-types.js';
import { importPlaces } from '../ingest/import-places.js';
import type { AppEnv } from '../http/env.js';
import { resolveOwner } from '../http/owner-field.js';
import { handleUpload } from '../http/upload.js';
import { validate } from '../http/validate.js';

const MAX_PLACES = 5000;
const MAX_PLACES_UPLOAD_BYTES = 200 * 1024 ** 2;

const bbox = z
  .string()
  .transform((s) => s.split(',').map(Number))
  .refine(
    (b) => b.length === 4 && b.every(Number.isFinite) && b[0]! <= b[2]! && b[1]! <= b[3]!,
    'expected west,south,east,north in degrees',
  )
  .transform((b) => b as [number, number, number, number]);

const layerIds = z
  .string()
  .regex(/^\d{1,9}(,\d{1,9})*$/, 'expected layer ids separated by commas')
  .transform((s) => s.split(',').map(Number));

/** A new layer (`layer`: its name) or an existing one whose places the file replaces (`layerId`). */
const uploadFields = z
  .object({
    layer: z.string().trim().min(1).max(200).optional(),
    layerId: z.coerce.number().int().positive().optional(),
    type: z.enum(PLACE_TYPES).default('custom'),
    restricted: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    owner: z.string().optional(),
    source: z.string().trim().max(300).default('uploaded by a user'),
    licence: z.string().trim().max(300).optional(),
  })
  .refine(
    (f) => (f.layer === undefined) !== (f.layerId === undefined),
    "give exactly one of layer (a new layer's name) and layerId (a layer to replace)",
  );

const idParam = z.object({ id: z.coerce.number().int().positive() });

export const placeRoutes = new Hono<AppEnv>()
  .get('/places/types', allow.signedIn(), async (c) => {
    const types = await placeTypeSummaries(c.get('db'), await restrictedPlaceAccess(c));
    return c.json({ types: types.map((t) => ({ ...t, label: placeTypeLabel(t.type) })) });
  })
  .get(
    '/places',
    allow.signedIn(),
    validate(
      'query',
      z.object({
        types: z.string().optional(),
        type: z.string().optional(),
        layers: layerIds.optional(),
        bbox: bbox.optional(),
      }),
    ),
    async (c) => {
      const q = c.req.valid('query');
      const types = [q.types, q.type].filter(Boolean).join(',');
      const rows = await queryPlaces(c.get('db'), {
        types: types ? types.split(',').filter(Boolean) : undefined,
        layerIds: q.layers,
        bbox: q.bbox,
        restrictedAccess: await restrictedPlaceAccess(c),
        limit: MAX_PLACES + 1,
      });
      const restrictedRows = rows.filter((r) => r.restricted);
      if (restrictedRows.length > 0)
        await audit(c, {
          action: 'places',
          target: 'GET /api/places',
          selection: q,
          summary: {
            restrictedPlacesReturned: Math.min(restrictedRows.length, MAX_PLACES),
            layers: [...new Set(restrictedRows.map((r) => r.layerId))],
          },
        });
      return c.json({ places: rows.slice(0, MAX_PLACES), truncated: rows.length > MAX_PLACES });
    },
  )
  .get('/place-layers', allow.signedIn(), async (c) => {
    const me = c.get('user')!;
    const layers = await listPlaceLayers(c.get('db'), await restrictedPlaceAccess(c));
    return c.json({ layers: layers.map((l) => ({ ...l, canManage: !l.bundled && canManage(me, l) })) });
  })
  .post('/places', allow.roles(DATA_EDITORS), (c) =>
    handleUpload(c, MAX_PLACES_UPLOAD_BYTES, async (upload) => {
      const db = c.get('db');
      const me = c.get('user')!;
      const fields = uploadFields.safeParse(upload.fields);
      if (!fields.success)
        return c.json(
          {
            error: `invalid upload: ${fields.error.issues.map((i) => `${i.path.join('.') || 'fields'}: ${i.message}`).join('; ')}`,
          },
          400,
        );
      if (upload.files.size !== 1) return c.json({ error: 'send exactly one file (CSV or GeoJSON)' }, 400);
      const [[path, fileName]] = [...upload.files.entries()] as [[string, string]];
      const f = fields.data;
      let into: Parameters<typeof importPlaces>[1]['into'];
      if (f.layerId !== undefined) {
        const layer = await getVisiblePlaceLayer(db, f.layerId, await restrictedPlaceAccess(c));
        if (!layer || layer.bundled) return c.json({ error: `no place layer ${f.layerId}` }, 404);
        if (!canManage(me, layer))
          return c.json(
            {
              error: `the layer "${layer.name}" belongs to ${layer.ownerScope ?? 'the administrators'}: only its analysts can replace it`,
            },
            403,
          );
        into = { layerId: layer.id, type: layer.type, name: layer.name, source: layer.source, licence: layer.licence };
      } else {
        const restricted = f.restricted || SENSITIVE_PLACE_TYPES.has(f.type);
        // Every uploaded layer has an owner where the uploader has a scope: names are unique per owner.
        const owner = restricted || me.scopes.length > 0 ? resolveOwner(me, f.owner) : { owner: null };
        if ('error' in owner) return c.json({ error: owner.error }, 400);
        const taken = await findPlaceLayer(db, owner.owner, f.layer!);
        if (taken)
          return c.json(
            {
              error: `${owner.owner ?? 'you'} already hold${owner.owner ? 's' : ''} a layer called "${f.layer}" (layer ${taken.id}): send layerId=${taken.id} to replace its places, or choose another name`,
            },
            409,
          );
        into = {
          layer: {
            name: f.layer!,
            type: f.type,
            ownerScope: owner.owner,
            restricted,
            source: f.source,
            licence: f.licence ?? null,
            createdBy: me.id,
          },
        };
      }
      const report = await importPlaces(db, { path, fileName, into });
      const name = 'layer' in into ? into.layer.name : into.name;
      await audit(c, {
        action: 'places.import',
        target: `layer:${report.layerId}`,
        summary: {
          layer: name,
          replaced: !('layer' in into),
          rowsAccepted: report.rowsAccepted,
          rowsRejected: report.rowsRejected,
        },
      });
      return c.json({ report }, 201);
    }),
  )
  .delete('/place-layers/:id', allow.roles(DATA_EDITORS), validate('param', idParam), async (c) => {
    const db = c.get('db');
    const layer = await getVisiblePlaceLayer(db, c.req.valid('param').id, await restrictedPlaceAccess(c));
    if (!layer || layer.bundled) return c.json({ error: `no place layer ${c.req.valid('param').id}` }, 404);
    if (!canManage(c.get('user')!, layer)) {
      await audit(c, {
        action: 'places.delete',
        outcome: 'refused',
        target: `layer:${layer.id}`,
        summary: { layer: layer.name },
      });
      return c.json(
        {
          error: `the layer "${layer.name}" belongs to ${layer.ownerScope ?? 'the administrators'}: only its analysts can delete it`,
        },
        403,
      );
    }
    await deletePlaceLayer(db, layer.id);
    await audit(c, {
      action: 'places.delete',
      target: `layer:${layer.id}`,
      summary: { layer: layer.name, places: layer.places, restricted: layer.restricted },
    });
    return c.json({ deleted: layer.id });
  });
