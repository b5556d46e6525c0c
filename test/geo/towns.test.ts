import { describe, expect, it } from 'vitest';
import { townKind } from '../../scripts/geodata/towns.js';
import { loadTowns } from '../../server/geo/towns.js';

describe('geodata/towns.csv.gz (GeoNames towns and villages)', () => {
  it('holds the Gwent and Cardiff towns where they are', async () => {
    const towns = await loadTowns();
    // Several places are called Newport (Isle of Wight, Shropshire, Pembrokeshire): pick by kind and area.
    const near = (name: string, lon: number, lat: number) =>
      towns.find((t) => t.name === name && Math.abs(t.lon - lon) < 0.05 && Math.abs(t.lat - lat) < 0.05);
    expect(near('Newport', -2.998, 51.588)).toMatchObject({ kind: 'city' });
    expect(near('Cardiff', -3.18, 51.48)).toMatchObject({ kind: 'city' });
    expect(near('Cwmbran', -3.023, 51.654)).toMatchObject({ kind: 'town' });
    expect(near('Caerleon', -2.954, 51.61)).toMatchObject({ kind: 'town' });
    expect(towns.filter((t) => t.name === 'Newport').length).toBeGreaterThanOrEqual(4);
  });

  it('covers England and Wales only, most populous first', async () => {
    const towns = await loadTowns();
    expect(towns.length).toBeGreaterThan(4000);
    for (const t of towns) {
      // England and Wales lie within this box; Scotland's towns (Glasgow, Aberdeen) lie north of 55.8°.
      expect(t.lat).toBeGreaterThan(49.8);
      expect(t.lat).toBeLessThan(55.82);
      expect(t.lon).toBeGreaterThan(-6.5);
      expect(t.lon).toBeLessThan(1.8);
      expect(t.name).not.toBe('');
    }
    expect(towns.some((t) => t.name === 'Glasgow' || t.name === 'Aberdeen')).toBe(false);
    expect(towns[0]?.name).toBe('London');
    for (let i = 1; i < towns.length; i++) expect(towns[i]!.population).toBeLessThanOrEqual(towns[i - 1]!.population);
  });

  it('returns the same array on each call (read once)', async () => {
    expect(await loadTowns()).toBe(await loadTowns());
  });

  it('classifies by feature code and population', () => {
    expect(townKind('PPLA', 2000)).toBe('city');
    expect(townKind('PPL', 100_000)).toBe('city');
    expect(townKind('PPL', 99_999)).toBe('town');
    expect(townKind('PPL', 5_000)).toBe('town');
    expect(townKind('PPL', 4_999)).toBe('village');
    expect(townKind('PPLX', 500_000)).toBe('village');
  });
});
