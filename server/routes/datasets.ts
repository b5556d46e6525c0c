import { Hono } from 'hono';
import { z } from 'zod';
import { deleteDataset, getDataset, listDatasets, listImports, type Dataset } from '../db/datasets.js';
import { importDataset } from '../ingest/import.js';
import { resolveMapping } from '../ingest/mapping.js';
import { expandInputs } from '../ingest/sources.js';
import type { AppEnv } from './env.js';
import { handleUpload } from './upload.js';
import { validate } from './validate.js';

const MAX_UPLOAD_BYTES = Number(process.env.HOTSPOT_MAX_UPLOAD_BYTES ?? 2 * 1024 ** 3);

const idParam = z.object({ id: z.coerce.number().int().positive() });

const uploadFields = z.object({
  kind: z.enum(['police-uk', 'incidents']),
  name: z.string().trim().min(1).max(200),
  sensitivity: z.enum(['public', 'restricted']).optional(),
  threshold: z.coerce.number().int().optional(),
  supplier: z.string().trim().max(200).optional(),
  legalBasis: z.string().trim().max(500).optional(),
  /** A preset name ('istv-ed', 'local-police') or a mapping as JSON. */
  mapping: z.string().optional(),
});

/**
 * Restricted datasets' totals are rounded in listings: an exact total minus the released cells
 * would give away the sum of the suppressed ones.
 */
function forListing(d: Dataset): Dataset & { countsRounded: boolean } {
  if (d.sensitivity !== 'restricted') return { ...d, countsRounded: false };
  const round = (n: number) => Math.round(n / 100) * 100;
  return { ...d, rowsAccepted: round(d.rowsAccepted), rowsRejected: round(d.rowsRejected), countsRounded: true };
}

export const datasetRoutes = new Hono<AppEnv>()
  .get('/datasets', async (c) => c.json({ datasets: (await listDatasets(c.get('db'))).map(forListing) }))
  .get('/datasets/:id', validate('param', idParam), async (c) => {
    const db = c.get('db');
    const { id } = c.req.valid('param');
    const dataset = await getDataset(db, id);
    if (!dataset) return c.json({ error: `no dataset ${id}` }, 404);
    return c.json({ dataset: forListing(dataset), imports: await listImports(db, id) });
  })
  .delete('/datasets/:id', validate('param', idParam), async (c) => {
    const { id } = c.req.valid('param');
    if (!(await deleteDataset(c.get('db'), id))) return c.json({ error: `no dataset ${id}` }, 404);
    return c.json({ deleted: id });
  })
  .post('/datasets', (c) =>
    handleUpload(c, MAX_UPLOAD_BYTES, async (upload) => {
      const parsed = uploadFields.safeParse(upload.fields);
      if (!parsed.success)
        return c.json({ error: `invalid upload: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` }, 400);
      if (upload.files.size === 0) return c.json({ error: 'no files in the upload' }, 400);
      const form = parsed.data;
      let mapping;
      if (form.kind === 'incidents') {
        if (!form.mapping) return c.json({ error: 'incident uploads need a "mapping" (a preset name or mapping JSON)' }, 400);
        try {
          mapping = resolveMapping(form.mapping.trim().startsWith('{') ? JSON.parse(form.mapping) : form.mapping.trim());
        } catch (e) {
          return c.json({ error: (e as Error).message }, 400);
        }
      }
      const files = await expandInputs([...upload.files.keys()], undefined, (p) => upload.files.get(p) ?? p);
      const report = await importDataset(c.get('db'), { ...form, mapping, files });
      return c.json({ report }, 201);
    }),
  );
