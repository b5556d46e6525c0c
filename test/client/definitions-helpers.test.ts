/** The definitions screen's pure helpers: version history, the map's label for a chosen definition, the editor's start. */
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../server/analysis/definitions.js';
import { definitionLabel, definitionParam } from '../../client/definitions/definitionChoice';
import { definitionHistory } from '../../client/definitions/definitionHistory';
import type { SavedDefinition } from '../../client/definitions/definitionsApi';
import { draftFrom } from '../../client/definitions/draftFrom';
import { pageOf, pageUrl } from '../../client/selection/location';

const saved = (id: number, key: string, version: number, groups: string[]): SavedDefinition => ({
  id,
  partnershipId: 1,
  key,
  version,
  name: `${key} v${version}`,
  groups,
  excludedGroups: [],
  flags: [],
  note: null,
  createdAt: '2026-12-05T12:00:00Z',
});

describe('definitionHistory', () => {
  it('groups versions by key, newest first, keys in order', () => {
    const history = definitionHistory([
      saved(3, 'street', 1, ['robbery']),
      saved(5, 'core', 1, ['homicide']),
      saved(7, 'street', 2, ['robbery', 'weapons']),
    ]);
    expect(history.map((h) => h.key)).toEqual(['core', 'street']);
    expect(history[1]!.versions.map((d) => d.version)).toEqual([2, 1]);
    expect(history[1]!.latest.id).toBe(7);
  });
});

describe('definitionLabel', () => {
  const body = { definitions: [saved(7, 'street', 2, ['robbery'])], presets: [...PRESETS] };
  it('names a saved definition and a preset with their versions', () => {
    expect(definitionLabel(body, '7')).toBe('street v2 (version 2)');
    expect(definitionLabel(body, 'preset:homicide')).toBe('Homicide (version 1)');
  });
  it('is null for none chosen, an unknown id, or before the list has come', () => {
    expect(definitionLabel(body, undefined)).toBeNull();
    expect(definitionLabel(body, '8')).toBeNull();
    expect(definitionLabel(null, '7')).toBeNull();
  });
});

describe('draftFrom', () => {
  it('keeps a saved definition’s key (saving makes its next version)', () => {
    expect(draftFrom(saved(7, 'street', 2, ['robbery'])).key).toBe('street');
  });
  it('starts a preset as a new key with its groups, flags and source note', () => {
    const preset = PRESETS.find((p) => p.id === 'knife-police')!;
    const draft = draftFrom(preset);
    expect(draft).toMatchObject({ key: 'knife-police', flags: ['knife'] });
    expect(draft.note).toBe(`From the national preset “${preset.name}”. ${preset.note}`);
    expect(draft.groups).toEqual(preset.groups);
    expect(definitionParam(preset)).toBe('preset:knife-police');
  });
});

describe('the Definitions page address', () => {
  it('is its own page, and its map link carries the definition and the area', () => {
    expect(pageOf('/definitions')).toBe('definitions');
    expect(pageUrl('map', { definition: '7', area: 'partnership:3' })).toBe('/?definition=7&area=partnership:3');
  });
});
