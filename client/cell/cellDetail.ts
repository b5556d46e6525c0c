import { getResolution } from 'h3-js';
import { api, okJson } from '../api';
import { type AreaQuery, selectionParams } from '../cells/analysis';
import type { Resolution } from '../cells/resolutions';

/** One cell's panel: the map's selection over the area, asked at the cell's own resolution. */
export const fetchCellDetail = ({ h3, ...query }: AreaQuery & { h3: string }, signal: AbortSignal) =>
  okJson(
    api.api.cells[':h3'].detail.$get(
      {
        param: { h3 },
        query: { ...selectionParams({ ...query, res: getResolution(h3) as Resolution }), area: query.area },
      },
      { init: { signal } },
    ),
  );

export type CellDetailBody = Awaited<ReturnType<typeof fetchCellDetail>>;
