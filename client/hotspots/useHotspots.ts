import { api, okJson, type HotspotsBody } from '../api';
import { selectionParams, type CellsQuery } from '../cells/useCells';
import { useFetched, type Fetched } from '../reference/useFetched';

/** Gi* hot and cold spots for the query's area; null query (or no area) = nothing to fetch. */
export function useHotspots(query: (CellsQuery & { area: string }) | null): Fetched<HotspotsBody> {
  const key = query ? JSON.stringify(query) : null;
  return useFetched(
    key,
    (signal) =>
      okJson(
        api.api.hotspots.$get(
          {
            query: { ...selectionParams(query!), area: query!.area },
          },
          { init: { signal } },
        ),
      ),
    'hot spots',
  );
}
