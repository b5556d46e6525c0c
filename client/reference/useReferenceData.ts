import { type Dataset, fetchDatasets, type OffenceGroup } from '../api';
import { useRequest } from './useRequest';
import { useVocabulary } from './vocabulary';

export interface ReferenceData {
  /** Null while loading. */
  datasets: Dataset[] | null;
  groups: readonly OffenceGroup[];
  errors: string[];
}

/** What the selection controls need: the datasets the user may use, and the offence groups. */
export function useReferenceData(): ReferenceData {
  const datasets = useRequest('datasets', (_: string, signal) => fetchDatasets(signal), 'datasets');
  return { datasets: datasets.data, groups: useVocabulary().groups, errors: datasets.error ? [datasets.error] : [] };
}
