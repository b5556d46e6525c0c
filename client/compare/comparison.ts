import { api, okJson } from '../api';
import { type CellsQuery, selectionParams } from '../cells/analysis';

/** One selection over two or more areas. */
export interface ComparisonQuery extends Omit<CellsQuery, 'area' | 'res'> {
  res: 7 | 8 | 9;
  areas: readonly string[];
}

const params = (q: ComparisonQuery) => ({
  ...selectionParams(q),
  res: String(q.res) as '7' | '8' | '9',
  areas: q.areas.join(','),
});

/** The comparison table and funnel plot. */
export const fetchComparison = (query: ComparisonQuery, signal: AbortSignal) =>
  okJson(api.api.compare.$get({ query: params(query) }, { init: { signal } }));

/** Gi* over the areas together and each alone, for the cross-border map (two to four areas). */
export const fetchCrossBorder = (query: ComparisonQuery, signal: AbortSignal) =>
  okJson(api.api['cross-border'].$get({ query: params(query) }, { init: { signal } }));
