import { disclosureMethod } from '../analysis/disclosure-method.js';
import { PUBLIC_SUMMARY_RULES } from '../analysis/public-summary.js';
import type { CellQuery } from '../db/cells.js';
import type { Dataset } from '../db/datasets.js';
import type { Release } from '../release/gate.js';

/** A selection checked and ready to compute: what every service is given. */
export interface PreparedSelection {
  datasets: Dataset[];
  /** What the database is asked (groups expanded to their children). */
  query: CellQuery;
  /** Suppression threshold k, or null when only public data is used. */
  threshold: number | null;
  /** The selection as audited and echoed back. */
  echo: Record<string, unknown>;
  /** The definition applied (named with its version in every output), or null for ad hoc groups. */
  definition: { id: number | string; name: string; version: number } | null;
  /** Made for publication: restricted counts held to the public threshold (PUBLIC_SUMMARY_RULES). */
  public: boolean;
}

/** What the release gate is asked for: the selection's query at the threshold its datasets demand. */
export const releaseOf = (p: PreparedSelection, query: Partial<CellQuery> = {}): Release => ({
  query: { ...p.query, ...query },
  threshold: p.threshold,
});

/**
 * What every analysis response states about how it was made: the datasets, the offence groups
 * and definition version, and whether (and at what threshold) disclosure control applied.
 */
export function describeSelection(p: PreparedSelection, disclosureRules: readonly string[] = []) {
  return {
    datasets: p.datasets.map((d) => ({ id: d.id, name: d.name })),
    groups: p.query.groups,
    definition: p.definition,
    restricted: p.threshold !== null,
    threshold: p.threshold,
    disclosure: disclosureMethod(p.threshold, disclosureRules),
    publicSummary: publicSummaryNote(p.public),
    ...sourcesOf(p.datasets),
  };
}

/**
 * Whose records a count adds up: police, health, or both. Police and emergency-department
 * records describe overlapping events (one assault can be in both), so a sum of the two is
 * neither source's count: it is allowed, and every answer that makes one says so (`sourcesNote`,
 * shown beside the figures in the client). Comparing the two sources is the triangulation page.
 */
export function sourcesOf(datasets: readonly Pick<Dataset, 'name' | 'source'>[]) {
  const sources = [...new Set(datasets.map((d) => d.source))].sort();
  const named = (source: string) =>
    datasets
      .filter((d) => d.source === source)
      .map((d) => `"${d.name}"`)
      .join(', ');
  return {
    sources,
    sourcesNote:
      sources.length > 1
        ? `police records (${named('police')}) and health records (${named('health')}) are added into one count: they describe overlapping events (an assault can be in both), so the sum counts some events twice and is neither source's figure; compare them on the triangulation page`
        : null,
  };
}

/** What a public answer states about the rules it was made and checked under. */
export function publicSummaryNote(isPublic: boolean) {
  if (!isPublic) return null;
  return {
    maxResolution: PUBLIC_SUMMARY_RULES.maxResolution,
    minThreshold: PUBLIC_SUMMARY_RULES.minThreshold,
    sensitiveSettingsRemoved: [...PUBLIC_SUMMARY_RULES.sensitiveTypes],
    checked: true,
  };
}
