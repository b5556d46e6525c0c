import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// A fetch that answers every path with its own Response, and records what was asked.
function fakeFetch(status: (path: string) => number) {
  const calls: string[] = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const path =
      new URL(String(input), 'http://app.test/').pathname + new URL(String(input), 'http://app.test/').search;
    calls.push(`${init?.method ?? 'GET'} ${path}`);
    return new Response(JSON.stringify({ path, n: calls.length }), { status: status(path) });
  });
  return { fn, calls };
}

describe('early requests', () => {
  beforeEach(() => {
    vi.resetModules();
    vi.stubGlobal('window', { location: { href: 'http://app.test/' } });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('answer the first GET of each first-screen path from the request made at start, once', async () => {
    const { fn, calls } = fakeFetch(() => 200);
    vi.stubGlobal('fetch', fn);
    const { startEarlyRequests, fetchWithEarly } = await import('../../client/early-requests');
    startEarlyRequests();
    expect(calls).toEqual([
      'GET /api/auth/me',
      'GET /api/datasets',
      'GET /api/vocabulary',
      'GET /api/partnerships',
      'GET /api/boundaries/pfa',
    ]);
    const first = await (await fetchWithEarly('/api/datasets', { method: 'GET' })).json();
    expect(first).toEqual({ path: '/api/datasets', n: 2 }); // the early one
    expect(calls).toHaveLength(5);
    // Asked again: a new request (a response body can be read once, and data may have changed).
    expect(await (await fetchWithEarly('/api/datasets')).json()).toEqual({ path: '/api/datasets', n: 6 });
    // Other paths, queries and methods are not answered early.
    await fetchWithEarly('/api/boundaries/pfa?within=x');
    await fetchWithEarly('/api/vocabulary', { method: 'POST' });
    expect(calls.slice(6)).toEqual(['GET /api/boundaries/pfa?within=x', 'POST /api/vocabulary']);
    expect(await (await fetchWithEarly('http://app.test/api/vocabulary')).json()).toEqual({
      path: '/api/vocabulary',
      n: 3,
    });
  });

  it('ask again where the early answer failed (signed out) or the caller has given up', async () => {
    const { fn, calls } = fakeFetch((path) => (path === '/api/datasets' && fn.mock.calls.length <= 5 ? 401 : 200));
    vi.stubGlobal('fetch', fn);
    const { startEarlyRequests, fetchWithEarly } = await import('../../client/early-requests');
    startEarlyRequests();
    const after = await fetchWithEarly('/api/datasets');
    expect(after.status).toBe(200);
    expect(calls.at(-1)).toBe('GET /api/datasets');
    expect(calls).toHaveLength(6);
    const aborted = new AbortController();
    aborted.abort();
    await fetchWithEarly('/api/vocabulary', { signal: aborted.signal });
    expect(calls).toHaveLength(7);
  });
});
