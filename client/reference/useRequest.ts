import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import { isAbort } from '../api';

export interface Fetched<T> {
  /** The answer for the current key; null while it loads (see `keepPrevious`) or after it failed. */
  data: T | null;
  loading: boolean;
  error: string | null;
}

export interface Requested<T> extends Fetched<T> {
  /** Asks again for the same key (after a change); the answer on screen stays until the new one comes. */
  reload: () => void;
}

/**
 * Answers kept by key across components and pages, for data that does not change while the app
 * runs (the vocabulary, boundaries, outlines). Components asking for the same key at the same time
 * share one request, which runs to the end (to fill the cache) even if they all go away.
 */
export class RequestCache<T> {
  private readonly values = new Map<string, T>();
  private readonly pending = new Map<string, Promise<T>>();

  get(key: string): T | undefined {
    return this.values.get(key);
  }

  load(key: string, load: () => Promise<T>): Promise<T> {
    const pending = this.pending.get(key);
    if (pending) return pending;
    const request = load()
      .then((value) => {
        this.values.set(key, value);
        return value;
      })
      .finally(() => this.pending.delete(key));
    this.pending.set(key, request);
    return request;
  }
}

interface Settled<T> {
  key: string;
  generation: number;
  data: T | null;
  error: string | null;
}

export interface RequestOptions<T> {
  cache?: RequestCache<T>;
  /** While a new key loads, keep the previous key's answer on screen (marked loading): the map does not blank. */
  keepPrevious?: boolean;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The one way the client fetches. `load(params, signal)` runs whenever `params` change (compared
 * as JSON; null = nothing to load). A newer request aborts the older, and an answer is shown
 * only while its params are still the current ones, so a slow or aborted request never shows
 * over a newer view. `what` names the data in an error ("Could not load what: ...").
 */
export function useRequest<P, T>(
  params: P | null,
  load: (params: P, signal: AbortSignal) => Promise<T>,
  what: string,
  { cache, keepPrevious = false }: RequestOptions<T> = {},
): Requested<T> {
  const key = params === null ? null : typeof params === 'string' ? params : JSON.stringify(params);
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const [generation, setGeneration] = useState(0);
  // Called from the effect below, so it reads the params of the render whose key it runs for.
  const run = useEffectEvent((signal: AbortSignal) => load(params as P, signal));
  const cached = key === null ? undefined : cache?.get(key);

  useEffect(() => {
    if (key === null || cached !== undefined) return;
    const controller = new AbortController();
    // A cached load is shared, so it gets no one component's signal.
    const request = cache ? cache.load(key, () => run(new AbortController().signal)) : run(controller.signal);
    request.then(
      (data) => {
        if (!controller.signal.aborted) setSettled({ key, generation, data, error: null });
      },
      (error: unknown) => {
        if (controller.signal.aborted || isAbort(error)) return;
        setSettled({ key, generation, data: null, error: `Could not load ${what}: ${messageOf(error)}` });
      },
    );
    return () => controller.abort();
  }, [key, cached, cache, generation, what]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  if (key === null) return { data: null, loading: false, error: null, reload };
  if (cached !== undefined) return { data: cached, loading: false, error: null, reload };
  if (settled?.key !== key)
    return { data: keepPrevious ? (settled?.data ?? null) : null, loading: true, error: null, reload };
  return { data: settled.data, loading: settled.generation !== generation, error: settled.error, reload };
}
