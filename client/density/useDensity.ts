import { api, okJson, type DensityBody } from '../api';
import { selectionParams, type CellsQuery } from '../cells/useCells';
import { useFetched, type Fetched } from '../reference/useFetched';

/** Kernel density over the query's area (bandwidth null = the server's rule); null query = nothing to fetch. */
export function useDensity(
  query: (CellsQuery & { area: string }) | null,
  bandwidth: number | null,
): Fetched<DensityBody> {
  const key = query ? JSON.stringify([query, bandwidth]) : null;
  return useFetched(
    key,
    (signal) =>
      okJson(
        api.api.density.$get(
          {
            query: {
              ...selectionParams(query!),
              area: query!.area,
              ...(bandwidth ? { bandwidth: String(bandwidth) } : {}),
            },
          },
          { init: { signal } },
        ),
      ),
    'density',
  );
}
