import { describe, expect, it } from 'vitest';
import { defaultSource } from '../../server/domain/dataset-source.js';
import { vocabulary } from '../../server/domain/vocabulary.js';

describe('vocabulary', () => {
  const v = vocabulary();
  it('labels every value the server defines, hot spot classes from hot to cold', () => {
    expect(v.hotspotClasses.map((c) => c.value)).toEqual([3, 2, 1, 0, -1, -2, -3]);
    expect(v.hotspotClasses[0]!.label).toBe('Hot spot, 99% confidence');
    expect(v.flags.map((f) => f.id)).toEqual(['knife', 'domestic-abuse', 'alcohol']);
    expect(v.sources.map((s) => s.id)).toEqual(['police', 'health']);
    expect(v.roles.find((r) => r.id === 'pcc')?.label).toBe('PCC staff');
    for (const list of [v.groups, v.flags, v.placeTypes, v.roles, v.sources, v.changeClasses])
      for (const item of list) expect(item.label.length).toBeGreaterThan(2);
  });
  it('gives each child offence group a parent it also lists', () => {
    const ids = new Set(v.groups.map((g) => g.id));
    for (const g of v.groups) if (g.parent) expect(ids.has(g.parent)).toBe(true);
  });
});

describe('defaultSource', () => {
  it('is health for the ED preset and police otherwise', () => {
    expect(defaultSource('incidents', 'istv-ed')).toBe('health');
    expect(defaultSource('incidents', 'local-police')).toBe('police');
    expect(defaultSource('police-uk', undefined)).toBe('police');
  });
});
