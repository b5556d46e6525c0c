interface DatasetSummary {
  id: number;
  name: string;
  kind: string;
  sensitivity: string;
}

/**
 * The user's own defaults (`home`: the police dataset covering their partnership, from the server)
 * where they still exist; else, for admins and users of no partnership, the first public police.uk
 * dataset for Gwent (the bundled sample's home), else the first dataset, else none.
 */
export function defaultDatasetIds(datasets: readonly DatasetSummary[], home: readonly number[] = []): number[] {
  const own = home.filter((id) => datasets.some((d) => d.id === id));
  if (own.length > 0) return own;
  const gwent = datasets.find((d) => d.kind === 'police-uk' && d.sensitivity === 'public' && /gwent/i.test(d.name));
  const chosen = gwent ?? datasets[0];
  return chosen ? [chosen.id] : [];
}
