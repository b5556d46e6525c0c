import { useMemo } from 'react';
import type { Dataset, OffenceGroup } from '../api';
import { defaultGroupIds, groupIdsForQuery } from '../groups/groupSelection';
import type { Period } from '../period/months';
import { chosenPeriod, type Selection } from '../selection/selection';
import { type CellsQuery, selectionQuery } from './analysis';

interface Defaults<R extends number> {
  /** The datasets shown until the user chooses (stable: defined outside the component). */
  datasets: (all: readonly Dataset[]) => number[];
  /** The period shown until the user chooses, from the selected datasets (stable). */
  period: (selected: readonly Dataset[]) => Period | null;
  res: R;
}

/**
 * The analysis selection of a page: what the URL holds, and the page's defaults for what it does
 * not (derived, so there is no half-set state), with the query it makes (null while incomplete).
 */
export function useAnalysisSelection<R extends number>(
  selection: Selection,
  datasets: readonly Dataset[] | null,
  groups: readonly OffenceGroup[],
  defaults: Defaults<R>,
) {
  const { datasets: defaultDatasets, period: defaultPeriod, res } = defaults;
  const datasetIds = useMemo(
    () => selection.datasets ?? (datasets ? defaultDatasets(datasets) : null),
    [selection.datasets, datasets, defaultDatasets],
  );
  const groupIds = useMemo(() => selection.groups ?? defaultGroupIds(groups), [selection.groups, groups]);
  const selected = useMemo(() => (datasets ?? []).filter((d) => datasetIds?.includes(d.id)), [datasets, datasetIds]);
  const chosen = useMemo(() => chosenPeriod(selection), [selection]);
  const fallback = useMemo(() => defaultPeriod(selected), [defaultPeriod, selected]);
  const period = chosen ?? fallback;
  const query = useMemo(
    (): (Omit<CellsQuery, 'res'> & { res: R }) | null =>
      selectionQuery({
        datasetIds,
        groupIds: groupIdsForQuery(groups, groupIds),
        definition: selection.definition,
        flags: selection.flags,
        weekdays: selection.weekdays,
        hours: selection.hours,
        period,
        res,
      }),
    [
      datasetIds,
      groups,
      groupIds,
      selection.definition,
      selection.flags,
      selection.weekdays,
      selection.hours,
      period,
      res,
    ],
  );
  return { datasetIds: datasetIds ?? [], groupIds, selected, chosenPeriod: chosen, period, query };
}
