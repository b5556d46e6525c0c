import Busboy from 'busboy';
import { createWriteStream, mkdtempSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Context } from 'hono';
import { createGunzip } from 'node:zlib';
import { ImportError, UploadTooLarge } from '../ingest/errors.js';
import type { SourceFile } from '../ingest/sources.js';

export interface UploadedForm {
  fields: Record<string, string>;
  /** Saved files: temp path -> the name the user gave the file. */
  files: Map<string, string>;
  cleanup(): Promise<void>;
}

/** Upload folders are named for the server process that made them, so a later start can tell a dead server's from a live one's. */
const UPLOAD_PREFIX = 'hotspot-upload-';

/** Files handed over one by one as a multipart body delivers them. */
class FileQueue implements AsyncIterable<SourceFile> {
  private readonly items: SourceFile[] = [];
  private ended = false;
  private failure: unknown = null;
  private wake: (() => void) | null = null;

  push(file: SourceFile): void {
    this.items.push(file);
    this.wake?.();
  }

  end(failure: unknown = null): void {
    this.ended = true;
    this.failure ??= failure;
    this.wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<SourceFile> {
    for (;;) {
      if (this.failure) throw this.failure;
      const next = this.items.shift();
      if (next) yield next;
      else if (this.ended) return;
      else await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }
}

/** CSV and .csv.gz files can be read as they arrive; an archive needs the whole file. */
const STREAMABLE = /\.(csv|csv\.gz)$/i;

export type StreamedOrSpooled<R> = { streamed: true; result: R } | { streamed: false; upload: UploadedForm };
type Consumer<R> = (fields: Record<string, string>, files: AsyncIterable<SourceFile>) => Promise<R>;

/**
 * Reads a multipart upload. With a consumer, when the form's fields `needs` come before its
 * files (as the app and FormData send them) and every file is a CSV or .csv.gz, the consumer
 * reads each file straight from the request as it arrives: nothing of it touches the disk.
 * Otherwise (a .zip, files before fields, or no consumer) the files are spooled to a private
 * temp folder named for this process, for the caller to read and clean up. File names are never
 * used as paths. Whatever happens (a refusal, an error, the client hanging up mid-file), a temp
 * folder is removed before this throws; a server killed meanwhile leaves it to the next start's sweep.
 */
async function readMultipart<R>(
  request: Request,
  maxFileBytes: number,
  stream?: { needs: readonly string[]; consume: Consumer<R> },
): Promise<StreamedOrSpooled<R>> {
  if (!request.body) throw new Error('the request has no body');
  const fields: Record<string, string> = {};
  const files = new Map<string, string>();
  const parts: Readable[] = [];
  const writes: Promise<void>[] = [];
  const queue = new FileQueue();
  let dir: string | undefined;
  let mode = 'undecided' as 'undecided' | 'stream' | 'spool';
  let tooLarge: string | undefined;
  let consuming: Promise<R> | undefined;
  let decided: () => void = () => undefined;
  const decision = new Promise<void>((resolve) => (decided = resolve));
  const cleanup = async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  };

  const busboy = Busboy({
    headers: Object.fromEntries(request.headers),
    limits: { fileSize: maxFileBytes, files: 500, fields: 50 },
  });
  busboy.on('field', (name, value) => (fields[name] = value));
  busboy.on('file', (_field, part, info) => {
    const name = (info.filename ?? '').split(/[\\/]/).pop() || 'upload.csv';
    if (mode === 'undecided') {
      mode = stream && STREAMABLE.test(name) && stream.needs.every((f) => fields[f] !== undefined) ? 'stream' : 'spool';
      decided();
    }
    parts.push(part);
    // A part's errors reach whoever reads it, or `reading`; one nobody reads must not end the process.
    part.on('error', () => undefined);
    if (mode === 'spool') {
      try {
        dir ??= mkdtempSync(join(tmpdir(), `${UPLOAD_PREFIX}${process.pid}-`));
      } catch (error) {
        // No temp folder (a full or missing disk): the upload fails, and says so through `reading`.
        part.resume();
        busboy.destroy(error as Error);
        return;
      }
      const ext = /\.(csv\.gz|csv|gz|zip|geojson|json)$/i.exec(name)?.[0].toLowerCase() ?? '.bin';
      const path = join(dir, `${files.size}${ext}`);
      files.set(path, name);
      part.on('limit', () => (tooLarge = name));
      writes.push(pipeline(part, createWriteStream(path)));
      return;
    }
    if (!STREAMABLE.test(name)) {
      part.resume();
      queue.end(
        new ImportError(
          `${name}: a .zip cannot follow CSV files read as they arrive; send archives in an upload of their own`,
        ),
      );
      return;
    }
    part.on('limit', () =>
      part.destroy(new UploadTooLarge(`${name} is larger than the ${maxFileBytes}-byte upload limit`)),
    );
    let opened = false;
    queue.push({
      name,
      open: async () => {
        if (opened) throw new Error(`${name} can be read once`);
        opened = true;
        return /\.gz$/i.test(name) ? part.pipe(createGunzip()).on('error', (e) => part.destroy(e)) : part;
      },
    });
    consuming ??= stream!.consume(fields, queue);
  });
  const source = Readable.fromWeb(request.body as import('node:stream/web').ReadableStream);
  const reading = pipeline(source, busboy);
  // Every branch below waits for or catches `reading`: a rejection left unheard would end the process.
  const stopReading = async () => {
    source.destroy();
    for (const part of parts) part.destroy();
    // A parser whose body has all arrived waits for its parts to be read: end it too.
    busboy.destroy();
    await Promise.allSettled([reading, ...writes]);
  };

  await Promise.race([decision, reading.catch(() => undefined)]);
  if (mode === 'stream') {
    void reading.then(
      () => queue.end(),
      (error: unknown) => queue.end(error),
    );
    try {
      const result = await consuming!;
      return { streamed: true, result };
    } finally {
      // Done, or refused before reading everything: either way nothing more is read.
      await stopReading();
    }
  }
  try {
    await reading;
    const written = await Promise.allSettled(writes);
    const failed = written.find((w): w is PromiseRejectedResult => w.status === 'rejected');
    if (failed) throw failed.reason;
    if (tooLarge) throw new UploadTooLarge(`${tooLarge} is larger than the ${maxFileBytes}-byte upload limit`);
    return { streamed: false, upload: { fields, files, cleanup } };
  } catch (error) {
    // A broken request (the client hung up) leaves files half-written: end them, let their writes settle, then remove them.
    await stopReading();
    await cleanup();
    throw error;
  }
}

/** Spools a multipart upload to a private temp folder (memory stays flat whatever the size); see readMultipart. */
export async function receiveUpload(request: Request, maxFileBytes: number): Promise<UploadedForm> {
  const read = await readMultipart<never>(request, maxFileBytes);
  if (read.streamed) throw new Error('unreachable: no consumer to stream to');
  return read.upload;
}

/**
 * Reads a multipart upload, streaming its CSV files into `consume` as they arrive where it can
 * (fields `needs` first), and spooling it to disk where it cannot; see readMultipart.
 */
export function streamOrSpoolUpload<R>(
  request: Request,
  maxFileBytes: number,
  needs: readonly string[],
  consume: Consumer<R>,
): Promise<StreamedOrSpooled<R>> {
  return readMultipart(request, maxFileBytes, { needs, consume });
}

/** Whether a process of this id is running (signal 0 tests without signalling). */
export function processRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes upload folders a killed server left behind (raw rows of restricted uploads included):
 * those of processes no longer running, and any older than a day. Run at start-up.
 */
export async function sweepUploads(now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await readdir(tmpdir()).catch(() => [] as string[])) {
    if (!name.startsWith(UPLOAD_PREFIX)) continue;
    const path = join(tmpdir(), name);
    const pid = Number(/^hotspot-upload-(\d+)-/.exec(name)?.[1] ?? NaN);
    const age = now - (await stat(path).catch(() => ({ mtimeMs: now }))).mtimeMs;
    if (Number.isInteger(pid) && pid !== process.pid && processRunning(pid) && age < 86_400_000) continue;
    if (pid === process.pid) continue;
    await rm(path, { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

/**
 * Runs an upload handler: refuses non-multipart bodies (415) and oversized files (413), turns a
 * refused import into a 400 naming file and reason, and always removes the temp files.
 */
export async function handleUpload<R extends Response>(
  c: Context,
  maxFileBytes: number,
  handler: (upload: UploadedForm) => Promise<R>,
) {
  if (!c.req.header('content-type')?.startsWith('multipart/form-data'))
    return c.json({ error: 'send the files as multipart/form-data' }, 415);
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
