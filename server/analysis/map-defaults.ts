import type { DatasetCoverage } from './coverage.js';

export interface DefaultCandidate {
  id: number;
  source: string;
  sensitivity: string;
  /** The dataset's last month (YYYY-MM), or null when it holds no records. */
  monthTo: string | null;
}

/**
 * The dataset a member of an area sees first: police records (adding health records to them would
 * count an assault twice), public before restricted (a first look should not spend the daily
 * restricted-query budget or suppress cells), then the one covering most of the area's local
 * authorities in any month, then the most recent. None when no police dataset covers the area.
 */
export function defaultDatasetFor(
  datasets: readonly DefaultCandidate[],
  coverage: readonly DatasetCoverage[],
  lads: ReadonlySet<string>,
): number | null {
  const covered = new Map(
    coverage.map((c) => {
      const reached = new Set<string>();
      for (const month of c.lads.values()) for (const lad of month) if (lads.has(lad)) reached.add(lad);
      return [c.id, reached.size] as const;
    }),
  );
  const ranked = datasets
    .filter((d) => d.source === 'police' && (covered.get(d.id) ?? 0) > 0)
    .sort(
      (a, b) =>
        Number(a.sensitivity !== 'public') - Number(b.sensitivity !== 'public') ||
        covered.get(b.id)! - covered.get(a.id)! ||
        (b.monthTo ?? '').localeCompare(a.monthTo ?? '') ||
        a.id - b.id,
    );
  return ranked[0]?.id ?? null;
}
