import { useEffect, useState } from 'react';
import { isAbort } from '../api';

export interface Fetched<T> {
  /** The value for the current key, or null while it loads or after it failed. */
  data: T | null;
  loading: boolean;
  error: string | null;
}

interface Settled<T> {
  key: string;
  data: T | null;
  error: string | null;
}

/**
 * Loads `load()` whenever `key` changes (null = nothing to load). Results are kept in `cache`
 * (by key) when one is given, so toggling a layer off and on does not fetch it again.
 */
export function useFetched<T>(
  key: string | null,
  load: (signal: AbortSignal) => Promise<T>,
  what: string,
  cache?: Map<string, T>,
): Fetched<T> {
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const cached = key !== null ? cache?.get(key) : undefined;

  useEffect(() => {
    if (key === null || cached !== undefined) return;
    const controller = new AbortController();
    load(controller.signal)
      .then((data) => {
        cache?.set(key, data);
        setSettled({ key, data, error: null });
      })
      .catch((error: unknown) => {
        if (isAbort(error)) return;
        const message = error instanceof Error ? error.message : String(error);
        setSettled({ key, data: null, error: `Could not load ${what}: ${message}` });
      });
    return () => controller.abort();
    // `key` identifies what `load` fetches.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, cached === undefined]);

  if (key === null) return { data: null, loading: false, error: null };
  if (cached !== undefined) return { data: cached, loading: false, error: null };
  if (settled?.key !== key) return { data: null, loading: true, error: null };
  return { data: settled.data, loading: false, error: settled.error };
}
