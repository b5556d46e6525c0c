import { describe, expect, it } from 'vitest';
import {
  countingBody,
  finishUploadProgress,
  startUploadProgress,
  uploadProgress,
} from '../../server/http/upload-progress.js';

describe("an upload's progress", () => {
  it('counts the body as the server reads it, for its uploader only', async () => {
    const body = 'x'.repeat(5000);
    const progress = startUploadProgress(7, 'token-abcdef', body.length);
    const request = countingBody(new Request('http://h/api/datasets', { method: 'POST', body }), progress);
    expect(progress.bytesRead).toBe(0);
    expect(await request.text()).toBe(body);
    expect(progress.bytesRead).toBe(5000);
    expect(uploadProgress(7, 'token-abcdef')).toBe(progress);
    expect(uploadProgress(8, 'token-abcdef')).toBeUndefined();
  });

  it('reads as complete once done, and not when it failed', () => {
    const done = startUploadProgress(7, 'token-done01', 100);
    finishUploadProgress(7, 'token-done01', done, false);
    expect(done).toMatchObject({ done: true, failed: false, bytesRead: 100 });
    const failed = startUploadProgress(7, 'token-fail01', 100);
    failed.bytesRead = 40;
    finishUploadProgress(7, 'token-fail01', failed, true);
    expect(failed).toMatchObject({ done: true, failed: true, bytesRead: 40 });
  });
});
