import { api, okJson, type SummaryBody } from '../api';
import { selectionParams, type CellsQuery } from '../cells/useCells';
import { useFetched, type Fetched } from '../reference/useFetched';

/** The area summary with its priority cells, for the map's selection (summaries stop at resolution 9). */
export function usePriorities(query: (CellsQuery & { area: string }) | null): Fetched<SummaryBody> {
  const key = query ? JSON.stringify(query) : null;
  return useFetched(
    key,
    (signal) =>
      okJson(
        api.api.areas[':area'].summary.$get(
          {
            param: { area: query!.area },
            query: {
              ...selectionParams(query!),
              res: `${Math.min(query!.res, 9)}` as '7' | '8' | '9',
              top: '10',
              within: '500',
            },
          },
          { init: { signal } },
        ),
      ),
    'priority locations',
  );
}
