import type { Context } from 'hono';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/index.js';
import type { AppEnv } from '../../server/http/env.js';
import type { PreparedSelection } from '../../server/http/prepare-selection.js';
import { cachedResult } from '../../server/http/result-cache.js';

// Just what the result cache reads: the request's URL, the database (for the geography
// version) and the selection's datasets (for their versions).
function fakeRequest(url: string, db: Db) {
  return { req: { url }, get: (name: string) => (name === 'db' ? db : undefined) } as unknown as Context<AppEnv>;
}
const fakeDb = () => ({ kind: 'pglite', query: async () => [{ value: 'geo-1' }] }) as unknown as Db;
const selection = (lastImport: string) =>
  ({ datasets: [{ id: 1, lastImport, sensitivity: 'public', threshold: null }] }) as unknown as PreparedSelection;
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('computed results kept per data version', () => {
  it('computes a result once for requests that arrive while it is being computed', async () => {
    const db = fakeDb();
    let computed = 0;
    const compute = async () => (computed++, await tick(), { cells: [1, 2, 3] });
    const answers = await Promise.all(
      Array.from({ length: 32 }, () =>
        cachedResult(fakeRequest('http://x/api/hotspots?a=1&b=2', db), selection('i1'), compute),
      ),
    );
    expect(computed).toBe(1);
    expect(new Set(answers.map((a) => a.etag)).size).toBe(1);
    expect(answers[0]!.text).toBe('{"cells":[1,2,3]}');
    // Kept: asked again (parameters in another order), not computed again.
    await cachedResult(fakeRequest('http://x/api/hotspots?b=2&a=1', db), selection('i1'), compute);
    expect(computed).toBe(1);
    // A new import is a new version: computed afresh.
    await cachedResult(fakeRequest('http://x/api/hotspots?a=1&b=2', db), selection('i2'), compute);
    expect(computed).toBe(2);
  });

  it('gives every waiter the failure of a failed computation and keeps nothing', async () => {
    const db = fakeDb();
    let calls = 0;
    const failing = async () => {
      calls++;
      await tick();
      throw new Error('database went away');
    };
    const waiting = Array.from({ length: 4 }, () =>
      cachedResult(fakeRequest('http://x/api/cells?a=1', db), selection('i1'), failing),
    );
    for (const w of waiting) await expect(w).rejects.toThrow('database went away');
    expect(calls).toBe(1);
    const again = await cachedResult(fakeRequest('http://x/api/cells?a=1', db), selection('i1'), async () => ({
      ok: true,
    }));
    expect(again.value).toEqual({ ok: true });
  });
});
