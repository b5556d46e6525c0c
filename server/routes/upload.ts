import Busboy from 'busboy';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Context } from 'hono';
import { ImportError } from '../ingest/errors.js';

export interface UploadedForm {
  fields: Record<string, string>;
  /** Saved files: temp path -> the name the user gave the file. */
  files: Map<string, string>;
  cleanup(): Promise<void>;
}

export class UploadTooLarge extends Error {}

/**
 * Streams a multipart upload to a private temp folder (memory stays flat whatever the size).
 * File names are never used as paths: each file is saved under a generated name.
 */
export async function receiveUpload(request: Request, maxFileBytes: number): Promise<UploadedForm> {
  const dir = await mkdtemp(join(tmpdir(), 'hotspot-upload-'));
  const fields: Record<string, string> = {};
  const files = new Map<string, string>();
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    const busboy = Busboy({ headers: Object.fromEntries(request.headers), limits: { fileSize: maxFileBytes, files: 500, fields: 50 } });
    const writes: Promise<void>[] = [];
    let tooLarge: string | undefined;
    busboy.on('field', (name, value) => (fields[name] = value));
    busboy.on('file', (_field, stream, info) => {
      const original = (info.filename ?? "").split(/[\\/]/).pop() || 'upload.csv';
      const ext = /\.(csv\.gz|csv|gz|zip|geojson|json)$/i.exec(original)?.[0].toLowerCase() ?? '.bin';
      const path = join(dir, `${files.size}${ext}`);
      files.set(path, original);
      stream.on('limit', () => (tooLarge = original));
      writes.push(pipeline(stream, createWriteStream(path)));
    });
    if (!request.body) throw new Error('the request has no body');
    await pipeline(Readable.fromWeb(request.body as import('node:stream/web').ReadableStream), busboy);
    await Promise.all(writes);
    if (tooLarge) throw new UploadTooLarge(`${tooLarge} is larger than the ${maxFileBytes}-byte upload limit`);
    return { fields, files, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/**
 * Runs an upload handler: refuses non-multipart bodies (415) and oversized files (413), turns a
 * refused import into a 400 naming file and reason, and always removes the temp files.
 */
export async function handleUpload<R extends Response>(c: Context, maxFileBytes: number, handler: (upload: UploadedForm) => Promise<R>) {
  if (!c.req.header('content-type')?.startsWith('multipart/form-data')) return c.json({ error: 'send the files as multipart/form-data' }, 415);
  let upload: UploadedForm;
  try {
    upload = await receiveUpload(c.req.raw, maxFileBytes);
  } catch (error) {
    if (error instanceof UploadTooLarge) return c.json({ error: error.message }, 413);
    throw error;
  }
  try {
    return await handler(upload);
  } catch (error) {
    if (error instanceof ImportError) return c.json({ error: error.message, report: error.report ?? null }, 400);
    throw error;
  } finally {
    await upload.cleanup();
  }
}
