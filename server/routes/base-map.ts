import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { z } from 'zod';
import { audit } from '../auth/audit.js';
import { allow } from '../auth/policy.js';
import { PMTILES_FILE_NAME } from '../domain/base-map.js';
import type { AppEnv } from '../http/env.js';
import { validate } from '../http/validate.js';
import { baseLabels } from '../services/base-labels.js';
import { baseMapFolder, currentBaseMap, pmtilesFiles, saveBaseMap } from '../services/base-map.js';

const bbox = z
  .string()
  .transform((s) => s.split(',').map(Number))
  .refine(
    (b) => b.length === 4 && b.every(Number.isFinite) && b[0]! <= b[2]! && b[1]! <= b[3]!,
    'expected west,south,east,north in degrees',
  )
  .transform((b) => b as [number, number, number, number]);

const attribution = z.string().max(500).default('');
const setting = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('offline') }),
  z.object({ kind: z.literal('style'), url: z.string().url().max(2000), attribution }),
  z.object({ kind: z.literal('raster'), url: z.string().min(1).max(2000), attribution }),
  z.object({ kind: z.literal('pmtiles'), file: z.string().regex(PMTILES_FILE_NAME), attribution }),
]);

const admin = allow.roles(['admin']);

export const baseMapRoutes = new Hono<AppEnv>()
  .get('/base-map', allow.signedIn(), async (c) => c.json({ baseMap: await currentBaseMap(c.get('db')) }))
  .get('/base-map/files', admin, async (c) => c.json({ files: await pmtilesFiles(), folder: baseMapFolder() }))
  .put('/base-map', admin, validate('json', setting), async (c) => {
    const body = c.req.valid('json');
    const saved = await saveBaseMap(c.get('db'), body, c.get('user')!.email);
    if (!saved.ok) return c.json({ error: saved.error }, 400);
    await audit(c, { action: 'base-map.set', target: body.kind, summary: body });
    return c.json({ baseMap: await currentBaseMap(c.get('db')) });
  })
  // Names for the offline base map in a view; public reference data, no counts.
  .get(
    '/base-map/labels',
    allow.signedIn(),
    validate('query', z.object({ bbox, zoom: z.coerce.number().min(0).max(24) })),
    async (c) => {
      const { bbox: box, zoom } = c.req.valid('query');
      c.header('Cache-Control', 'private, max-age=3600');
      return c.json(await baseLabels(box, zoom));
    },
  )
  // A dropped PMTiles file, in the byte ranges MapLibre's pmtiles protocol asks for.
  .get(
    '/base-map/pmtiles/:file',
    allow.signedIn(),
    validate('param', z.object({ file: z.string().regex(PMTILES_FILE_NAME) })),
    async (c, next) => {
      const { file } = c.req.valid('param');
      if (!(await pmtilesFiles()).includes(file)) return c.json({ error: `no PMTiles file ${file}` }, 404);
      c.header('Cache-Control', 'private, max-age=3600');
      // One ETag for the whole file: the pmtiles reader checks that every range comes from the
      // same version, and the API's ETag (a hash of each body) would differ from range to range.
      const info = await stat(join(baseMapFolder(), file));
      c.header('ETag', `"${info.size.toString(36)}-${Math.round(info.mtimeMs).toString(36)}"`);
      const served = await serveStatic({ root: baseMapFolder(), path: file })(c, next);
      return served ?? c.json({ error: `no PMTiles file ${file}` }, 404);
    },
  );
