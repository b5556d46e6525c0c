import { useEffect, useState } from 'react';
import { api, isAbort, okJson, type CellsBody } from '../api';
import type { Period } from '../period/months';
import type { Resolution } from './resolutions';

export interface CellsQuery {
  datasetIds: readonly number[];
  groupIds: readonly string[];
  period: Period;
  res: Resolution;
  /** `partnership:12`, `lad:W06000022` or `pfa:W15000002`: only cells of that area's cover. */
  area?: string;
}

/** A map selection as the analysis routes' query parameters. */
export function selectionParams(query: CellsQuery) {
  return {
    datasets: query.datasetIds.join(','),
    groups: query.groupIds.join(','),
    from: query.period.from,
    to: query.period.to,
    res: `${query.res}` as const,
    ...(query.area ? { area: query.area } : {}),
  };
}

export interface CellsState {
  /** Counts for the current query, or the previous query's while the current one loads. */
  body: CellsBody | null;
  loading: boolean;
  error: string | null;
}

interface Settled {
  key: string | null;
  body: CellsBody | null;
  error: string | null;
}

/** Fetches hexagon counts whenever the query changes; a null query clears the map. */
export function useCells(query: CellsQuery | null): CellsState {
  const key = query ? JSON.stringify(query) : null;
  const [settled, setSettled] = useState<Settled>({ key: null, body: null, error: null });

  useEffect(() => {
    if (!query || key === null) return;
    const controller = new AbortController();
    const request = { query: selectionParams(query) };
    okJson(api.api.cells.$get(request, { init: { signal: controller.signal } }))
      .then((body) => setSettled({ key, body, error: null }))
      .catch((error: unknown) => {
        if (isAbort(error)) return;
        const message = error instanceof Error ? error.message : String(error);
        setSettled({ key, body: null, error: `Could not load hexagon counts: ${message}` });
      });
    return () => controller.abort();
    // `key` captures every field of `query`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  if (key === null) return { body: null, loading: false, error: null };
  if (settled.key !== key) return { body: settled.body, loading: true, error: null };
  return { body: settled.body, loading: false, error: settled.error };
}
