import { Hono } from 'hono';
import { z } from 'zod';
import { canManageDataset, visibleTo, type Principal } from '../auth/access.js';
import { audit } from '../auth/audit.js';
import { allow, DATA_EDITORS } from '../auth/policy.js';
import {
  deleteDataset,
  findDatasetByName,
  getDataset,
  listDatasets,
  listImports,
  type Dataset,
} from '../db/datasets.js';
import { grantsForDatasets } from '../db/grants.js';
import { importDataset } from '../ingest/import.js';
import { type ColumnMapping, MAPPING_PRESETS, resolveMapping } from '../ingest/mapping.js';
import { expandInputs } from '../ingest/sources.js';
import { log } from '../log.js';
import { reportForOthers, roundCount } from '../release/metadata.js';
import type { ImportReport } from '../ingest/report.js';
import { mapDefaults } from '../services/map-defaults.js';
import type { AppEnv } from '../http/env.js';
import { resolveOwner } from '../http/owner-field.js';
import { streamOrSpoolUpload } from '../http/upload.js';
import { ImportError, UploadTooLarge } from '../ingest/errors.js';
import type { SourceFile } from '../ingest/sources.js';
import type { Context } from 'hono';
import { validate } from '../http/validate.js';
import { DATASET_SOURCES, defaultSource } from '../domain/dataset-source.js';
import { streamSSE } from 'hono/streaming';
import {
  countingBody,
  finishUploadProgress,
  startUploadProgress,
  type UploadProgress,
  uploadProgress,
} from '../http/upload-progress.js';

const idParam = z.object({ id: z.coerce.number().int().positive() });
/** A token the browser chose to follow this upload's progress by (GET /datasets/upload-progress/:token). */
const progressToken = z.string().regex(/^[A-Za-z0-9-]{8,64}$/);
const uploadQuery = z.object({ progress: progressToken.optional() });
/** How often the progress stream sends the upload's state, and how long it waits for an upload to start. */
const PROGRESS_EVERY_MS = 150;
const PROGRESS_WAIT_MS = 30_000;

const uploadFields = z.object({
  kind: z.enum(['police-uk', 'incidents']),
  name: z.string().trim().min(1).max(200),
  /** Who recorded the events; default: health for the ED preset, else police. */
  source: z.enum(DATASET_SOURCES).optional(),
  sensitivity: z.enum(['public', 'restricted']).optional(),
  threshold: z.coerce.number().int().optional(),
  supplier: z.string().trim().max(200).optional(),
  /** PCSC Act 2022 s16 or s17, a data-sharing agreement (reference in legalBasis), or public. */
  basis: z.enum(['public', 's16', 's17', 'dsa']).optional(),
  legalBasis: z.string().trim().max(500).optional(),
  /** Scope that holds restricted data (one of the uploader's). */
  owner: z.string().optional(),
  /** A preset name ('istv-ed', 'local-police') or a mapping as JSON. */
  mapping: z.string().optional(),
});

/** Whether the user holds the dataset (a member of its owner): only they see its restricted counts exactly. */
const holds = (user: Principal, d: Dataset) =>
  d.sensitivity === 'public' || (d.ownerScope !== null && user.scopes.includes(d.ownerScope));

/**
 * Restricted datasets' totals are rounded to 100 for anyone but their owner: an exact total
 * minus the released cells would give away the sum of the withheld ones.
 */
function forListing(d: Dataset, user: Principal) {
  const base = { ...d, canManage: canManageDataset(user, d) };
  if (holds(user, d)) return { ...base, countsRounded: false };
  return {
    ...base,
    rowsAccepted: roundCount(d.rowsAccepted),
    rowsRejected: roundCount(d.rowsRejected),
    countsRounded: true,
  };
}

async function visibleDatasets(
  c: { get: (k: 'db') => AppEnv['Variables']['db'] },
  user: Principal,
  now: Date,
  datasets: Dataset[],
) {
  const grants = await grantsForDatasets(
    c.get('db'),
    datasets.map((d) => d.id),
    now,
  );
  return datasets.filter((d) => visibleTo(user, d, grants, now));
}

export const datasetRoutes = new Hono<AppEnv>()
  .get('/datasets', allow.signedIn({ datasets: true }), async (c) => {
    const user = c.get('user')!;
    const datasets = await visibleDatasets(c, user, c.get('auth').now(), await listDatasets(c.get('db')));
    return c.json({ datasets: datasets.map((d) => forListing(d, user)) });
  })
  .get('/datasets/defaults', allow.signedIn({ datasets: true }), async (c) => {
    const user = c.get('user')!;
    const datasets = await visibleDatasets(c, user, c.get('auth').now(), await listDatasets(c.get('db')));
    return c.json(await mapDefaults(c.get('db'), user.scopes, datasets));
  })
  // Before /datasets/:id, which would refuse the name as an id. The column mapping presets, so the upload form can show one, check a file's header against it, and start a custom one from it.
  .get('/datasets/mapping-presets', allow.roles(DATA_EDITORS), (c) => c.json({ presets: MAPPING_PRESETS }))
  .get('/datasets/:id', allow.signedIn({ datasets: true }), validate('param', idParam), async (c) => {
    const db = c.get('db');
    const user = c.get('user')!;
    const { id } = c.req.valid('param');
    const dataset = await getDataset(db, id);
    if (!dataset) return c.json({ error: `no dataset ${id}` }, 404);
    if ((await visibleDatasets(c, user, c.get('auth').now(), [dataset])).length === 0)
      return c.json(
        { error: `you may not use "${dataset.name}" (dataset ${id})`, refused: [{ id, name: dataset.name }] },
        403,
      );
    const imports = await listImports(db, id);
    // Import reports of restricted data: rounded, and rejections without their values, for anyone but the owner.
    return c.json({
      dataset: forListing(dataset, user),
      imports: holds(user, dataset)
        ? imports
        : imports.map((i) => ({ ...i, report: reportForOthers(i.report as ImportReport) })),
    });
  })
  .delete('/datasets/:id', allow.roles(DATA_EDITORS, { datasets: true }), validate('param', idParam), async (c) => {
    const db = c.get('db');
    const { id } = c.req.valid('param');
    const dataset = await getDataset(db, id);
    if (!dataset) return c.json({ error: `no dataset ${id}` }, 404);
    const visible = (await visibleDatasets(c, c.get('user')!, c.get('auth').now(), [dataset])).length > 0;
    if (!visible || !canManageDataset(c.get('user')!, dataset)) {
      await audit(c, {
        action: 'dataset.delete',
        outcome: 'refused',
        target: `dataset:${id}`,
        datasets: [{ id, name: dataset.name }],
      });
      // A restricted dataset the caller cannot see is not named to them, even to refuse.
      if (!visible) return c.json({ error: `no dataset ${id}` }, 404);
      return c.json(
        {
          error: `only ${dataset.ownerScope ? `${dataset.ownerScope}'s analysts` : 'an admin'} can delete "${dataset.name}"`,
        },
        403,
      );
    }
    await deleteDataset(db, id);
    await audit(c, {
      action: 'dataset.delete',
      target: `dataset:${id}`,
      datasets: [{ id, name: dataset.name }],
      summary: {
        kind: dataset.kind,
        sensitivity: dataset.sensitivity,
        basis: dataset.basis,
        owner: dataset.ownerScope,
      },
    });
    return c.json({ deleted: id });
  })
  .get(
    '/datasets/upload-progress/:token',
    allow.roles(DATA_EDITORS),
    validate('param', z.object({ token: progressToken })),
    (c) => {
      const userId = c.get('user')!.id;
      const { token } = c.req.valid('param');
      // Server-sent events: the upload's counts every PROGRESS_EVERY_MS until it is done.
      return streamSSE(c, async (stream) => {
        const started = Date.now();
        let aborted = false;
        stream.onAbort(() => {
          aborted = true;
        });
        while (!aborted) {
          const progress = uploadProgress(userId, token);
          if (progress) await stream.writeSSE({ event: 'progress', data: JSON.stringify(progress) });
          if (progress?.done || (!progress && Date.now() - started > PROGRESS_WAIT_MS)) break;
          await stream.sleep(PROGRESS_EVERY_MS);
        }
      });
    },
  )
  .post('/datasets', allow.roles(DATA_EDITORS, { datasets: true }), validate('query', uploadQuery), async (c) => {
    const token = c.req.valid('query').progress;
    const userId = c.get('user')!.id;
    const length = Number(c.req.header('content-length'));
    const progress = token ? startUploadProgress(userId, token, length > 0 ? length : null) : undefined;
    const response = await receiveDatasetUpload(c, progress);
    if (progress && token) finishUploadProgress(userId, token, progress, response.status >= 400);
    return response;
  });

/** Reads a multipart upload (CSVs streamed into the import, archives spooled) and imports it. */
async function receiveDatasetUpload(c: Context<AppEnv>, progress: UploadProgress | undefined) {
  if (!c.req.header('content-type')?.startsWith('multipart/form-data'))
    return c.json({ error: 'send the files as multipart/form-data' }, 415);
  const request = progress ? countingBody(c.req.raw, progress) : c.req.raw;
  try {
    // CSV files are imported as they arrive, never written to disk; archives are spooled first.
    const read = await streamOrSpoolUpload(request, c.get('maxUploadBytes'), ['kind', 'name'], (fields, files) =>
      importUpload(c, fields, files, progress),
    );
    if (read.streamed) return read.result;
    try {
      const { fields, files } = read.upload;
      return await importUpload(
        c,
        fields,
        files.size ? await expandInputs([...files.keys()], undefined, (p) => files.get(p) ?? p) : [],
        progress,
      );
    } finally {
      await read.upload.cleanup();
    }
  } catch (error) {
    if (error instanceof UploadTooLarge) return c.json({ error: error.message }, 413);
    if (error instanceof ImportError) return c.json({ error: error.message, report: error.report ?? null }, 400);
    throw error;
  }
}

/** Validates an upload's fields, then imports its files (given, or arriving) as one transaction. */
async function importUpload(
  c: Context<AppEnv>,
  fields: Record<string, string>,
  files: readonly SourceFile[] | AsyncIterable<SourceFile>,
  progress?: UploadProgress,
) {
  const user = c.get('user')!;
  const parsed = uploadFields.safeParse(fields);
  if (!parsed.success)
    return c.json(
      { error: `invalid upload: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` },
      400,
    );
  if (Array.isArray(files) && files.length === 0) return c.json({ error: 'no files in the upload' }, 400);
  const form = parsed.data;
  const existing = await findDatasetByName(c.get('db'), form.name);
  if (existing && !canManageDataset(user, existing)) {
    await audit(c, {
      action: 'dataset.import',
      outcome: 'refused',
      target: `dataset:${existing.id}`,
      datasets: [{ id: existing.id, name: existing.name }],
      summary: { reason: 'not a manager of the dataset' },
    });
    return c.json(
      {
        error: `"${form.name}" is managed by ${existing.ownerScope ?? 'the administrators'}: only ${existing.ownerScope ? 'its analysts' : 'they'} can add to it or replace its months`,
      },
      403,
    );
  }
  const restricted = (form.sensitivity ?? (form.kind === 'police-uk' ? 'public' : 'restricted')) === 'restricted';
  // Restricted data needs an owner; public data is managed by its uploader's partnership (or, with none, by admins).
  const owner = existing
    ? { owner: existing.ownerScope }
    : restricted || user.scopes.length > 0
      ? resolveOwner(user, form.owner)
      : { owner: null };
  if ('error' in owner) return c.json({ error: owner.error }, 400);
  let mapping: ColumnMapping | undefined;
  if (form.kind === 'incidents') {
    if (!form.mapping)
      return c.json({ error: 'incident uploads need a "mapping" (a preset name or mapping JSON)' }, 400);
    try {
      mapping = resolveMapping(form.mapping.trim().startsWith('{') ? JSON.parse(form.mapping) : form.mapping.trim());
    } catch (e) {
      return c.json({ error: (e as Error).message }, 400);
    }
  }
  log.info('import started', {
    kind: form.kind,
    files: Array.isArray(files) ? files.length : 'as they arrive',
    restricted,
  });
  try {
    // Progress in the log is counts only: files done and rows stored, never row contents.
    let lastFile = -1;
    let lastRowsRead = 0;
    const source = form.source ?? existing?.source ?? defaultSource(form.kind, form.mapping?.trim());
    const request = { ...form, source, ownerScope: owner.owner, mapping, files };
    const report = await importDataset(c.get('db'), request, (p) => {
      if (progress) {
        progress.rowsRead += p.rowsRead - (p.fileIndex === lastFile ? lastRowsRead : 0);
        progress.rowsAccepted = p.rowsAccepted;
        progress.filesStarted = p.fileIndex + 1;
      }
      lastRowsRead = p.rowsRead;
      if (p.fileIndex === lastFile) return;
      lastFile = p.fileIndex;
      log.info('import progress', { file: p.fileIndex + 1, files: p.fileCount, rowsStored: p.rowsAccepted });
    });
    await audit(c, {
      action: 'dataset.import',
      target: `dataset:${report.datasetId}`,
      datasets: [{ id: report.datasetId, name: form.name }],
      summary: {
        files: report.files.map((f) => f.name),
        rowsAccepted: report.rowsAccepted,
        rowsRejected: report.rowsRejected,
      },
    });
    return c.json({ report }, 201);
  } catch (error) {
    await audit(c, {
      action: 'dataset.import',
      outcome: 'failed',
      target: existing ? `dataset:${existing.id}` : null,
      datasets: existing ? [{ id: existing.id, name: existing.name }] : [],
      summary: {
        name: form.name,
        error: error instanceof Error && error.name === 'ImportError' ? error.message : 'internal error',
      },
    });
    throw error;
  }
}
