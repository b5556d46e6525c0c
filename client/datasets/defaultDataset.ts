interface DatasetSummary {
  id: number;
  name: string;
  kind: string;
  sensitivity: string;
}

/** First public police.uk dataset for Gwent, else the first dataset, else none. */
export function defaultDatasetIds(datasets: readonly DatasetSummary[]): number[] {
  const gwent = datasets.find((d) => d.kind === 'police-uk' && d.sensitivity === 'public' && /gwent/i.test(d.name));
  const chosen = gwent ?? datasets[0];
  return chosen ? [chosen.id] : [];
}
