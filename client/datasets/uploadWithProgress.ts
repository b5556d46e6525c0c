import { type api, postForm } from '../api';

export type UploadResponse = Awaited<ReturnType<typeof api.api.datasets.$post>>;
export type UploadProgressBody = {
  bytesRead: number;
  bytesTotal: number | null;
  rowsRead: number;
  rowsAccepted: number;
  filesStarted: number;
  done: boolean;
  failed: boolean;
};

/** How long to wait, after the upload's answer, for the server's last progress event. */
const LAST_EVENT_WAIT_MS = 2_000;

/**
 * Posts an upload while following the server's own progress (server-sent events of bytes read and
 * rows stored): the server imports CSVs as they arrive, so what it has read is how far the import is.
 */
export async function uploadWithProgress(form: FormData, onProgress: (p: UploadProgressBody) => void) {
  const token = crypto.randomUUID();
  const events = new EventSource(`/api/datasets/upload-progress/${token}`);
  const finished = new Promise<void>((resolve) => {
    events.addEventListener('progress', (event) => {
      const progress = JSON.parse((event as MessageEvent<string>).data) as UploadProgressBody;
      onProgress(progress);
      if (progress.done) resolve();
    });
    events.addEventListener('error', () => resolve());
  });
  try {
    const body = await postForm<UploadResponse>(`/api/datasets?progress=${token}`, form);
    await Promise.race([finished, new Promise((r) => setTimeout(r, LAST_EVENT_WAIT_MS))]);
    return body;
  } finally {
    events.close();
  }
}

/** The share of the upload the server has read, 0 to 1 (null while it cannot tell). */
export function uploadFraction(p: UploadProgressBody): number | null {
  if (p.done && !p.failed) return 1;
  return p.bytesTotal ? Math.min(1, p.bytesRead / p.bytesTotal) : null;
}
