/**
 * How far each running upload has got, so the uploader's browser can follow it over a second
 * request (server-sent events) while the upload itself is still being read and imported.
 * Counts only: bytes received, rows read and stored, files done; never row contents.
 * Keyed by the uploader and a token their browser chose, so no one else can follow it.
 */
export interface UploadProgress {
  bytesRead: number;
  /** The request's Content-Length; null when the client did not send one. */
  bytesTotal: number | null;
  rowsRead: number;
  rowsAccepted: number;
  /** Files started so far (archives and folders expand to several). */
  filesStarted: number;
  done: boolean;
  failed: boolean;
}

/** A finished upload's progress stays this long, for a browser that asks late. */
const KEEP_FINISHED_MS = 120_000;
const uploads = new Map<string, UploadProgress>();

const key = (userId: number, token: string) => `${userId}:${token}`;

export function startUploadProgress(userId: number, token: string, bytesTotal: number | null): UploadProgress {
  const progress: UploadProgress = {
    bytesRead: 0,
    bytesTotal,
    rowsRead: 0,
    rowsAccepted: 0,
    filesStarted: 0,
    done: false,
    failed: false,
  };
  uploads.set(key(userId, token), progress);
  return progress;
}

export function uploadProgress(userId: number, token: string): UploadProgress | undefined {
  return uploads.get(key(userId, token));
}

export function finishUploadProgress(userId: number, token: string, progress: UploadProgress, failed: boolean): void {
  progress.done = true;
  progress.failed = failed;
  if (!failed && progress.bytesTotal !== null) progress.bytesRead = progress.bytesTotal;
  setTimeout(() => {
    if (uploads.get(key(userId, token)) === progress) uploads.delete(key(userId, token));
  }, KEEP_FINISHED_MS).unref();
}

/** The same request, its body counted into `progress.bytesRead` as the server reads it. */
export function countingBody(request: Request, progress: UploadProgress): Request {
  if (!request.body) return request;
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      progress.bytesRead += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: request.body.pipeThrough(counter),
    duplex: 'half',
  } as RequestInit);
}
