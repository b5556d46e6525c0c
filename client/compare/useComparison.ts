import { api, okJson, type CompareBody, type CrossBorderBody } from '../api';
import { useFetched, type Fetched } from '../reference/useFetched';
import type { Period } from '../period/months';

export interface ComparisonQuery {
  datasetIds: readonly number[];
  groupIds: readonly string[];
  period: Period;
  res: 7 | 8 | 9;
  areas: readonly string[];
}

const params = (q: ComparisonQuery) => ({
  datasets: q.datasetIds.join(','),
  groups: q.groupIds.join(','),
  from: q.period.from,
  to: q.period.to,
  res: String(q.res) as '7' | '8' | '9',
  areas: q.areas.join(','),
});

/** The comparison table and funnel plot for two or more areas (null query = nothing to fetch). */
export function useCompare(query: ComparisonQuery | null): Fetched<CompareBody> {
  return useFetched(
    query ? JSON.stringify(query) : null,
    (signal) => okJson(api.api.compare.$get({ query: params(query!) }, { init: { signal } })),
    'the comparison',
  );
}

/** Gi* over the areas together and each alone, for the cross-border map (two to four areas). */
export function useCrossBorder(query: ComparisonQuery | null): Fetched<CrossBorderBody> {
  const ok = query !== null && query.areas.length >= 2 && query.areas.length <= 4;
  return useFetched(
    ok ? JSON.stringify(query) : null,
    (signal) => okJson(api.api['cross-border'].$get({ query: params(query!) }, { init: { signal } })),
    'cross-border hot spots',
  );
}
