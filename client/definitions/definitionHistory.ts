import type { SavedDefinition } from './definitionsApi';

/** One definition key with its versions, newest first. */
export interface DefinitionHistory {
  key: string;
  latest: SavedDefinition;
  versions: SavedDefinition[];
}

/**
 * Groups saved definitions by key, newest version first, so the editor shows each definition's
 * history and the map offers each key's current version (older versions stay selectable, since
 * past outputs name them).
 */
export function definitionHistory(definitions: readonly SavedDefinition[]): DefinitionHistory[] {
  const byKey = new Map<string, SavedDefinition[]>();
  for (const d of definitions) byKey.set(d.key, [...(byKey.get(d.key) ?? []), d]);
  return [...byKey.entries()]
    .map(([key, versions]) => {
      const sorted = [...versions].sort((a, b) => b.version - a.version);
      return { key, latest: sorted[0]!, versions: sorted };
    })
    .sort((a, b) => a.key.localeCompare(b.key));
}
