import type { DefinitionDraft, DefinitionPreset, SavedDefinition } from './definitionsApi';

/** A short key for a new definition from a preset's id (the server's key rule: lower case, digits, hyphens). */
const keyOf = (id: string) => id.replace(/[^a-z0-9-]/g, '-').slice(0, 60);

/**
 * The editor's starting point: a saved definition keeps its key (saving makes its next version);
 * a national preset starts a new key named after it, with its source note.
 */
export function draftFrom(start: SavedDefinition | DefinitionPreset): DefinitionDraft {
  return {
    key: 'key' in start ? start.key : keyOf(start.id),
    name: start.name,
    groups: [...start.groups],
    excludedGroups: [...start.excludedGroups],
    flags: [...start.flags],
    // A preset's note says where it comes from; the saved definition records that it started there.
    note: 'key' in start ? (start.note ?? '') : `From the national preset “${start.name}”. ${start.note}`,
  };
}
