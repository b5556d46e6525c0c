/**
 * The map page's first requests, started as soon as the script runs instead of after the
 * session check and the map's mount: on a slow desktop those steps took seconds before the
 * reference data that the first cells request waits for was even asked for. Each early
 * response is handed once, to the first GET of the same path and query, if it succeeded (a
 * 401 before sign-in is not kept: that request is made again after sign-in).
 */
const FIRST_SCREEN = ['/api/auth/me', '/api/datasets', '/api/vocabulary', '/api/partnerships', '/api/boundaries/pfa'];
const MAX_AGE_MS = 30_000;

const early = new Map<string, { startedAt: number; response: Promise<Response> }>();

const keyOf = (url: string) => {
  const parsed = new URL(url, window.location.href);
  return parsed.pathname + parsed.search;
};

export function startEarlyRequests(): void {
  for (const path of FIRST_SCREEN) {
    const response = fetch(path, { credentials: 'same-origin' });
    response.catch(() => undefined); // a failure is the later request's to report
    early.set(path, { startedAt: performance.now(), response });
  }
}

/** fetch, answered from an early request where one matches (for the API client). */
export const fetchWithEarly: typeof fetch = async (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
  const key = early.size > 0 && method === 'GET' ? keyOf(url) : null;
  const hit = key === null ? undefined : early.get(key);
  if (hit && key !== null) {
    early.delete(key);
    if (!init?.signal?.aborted && performance.now() - hit.startedAt < MAX_AGE_MS) {
      const response = await hit.response.catch(() => null);
      if (response?.ok) return response;
    }
  }
  return fetch(input, init);
};
