import { latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { boundaryPaths } from '../../client/panel/boundaryPaths';
import { cellProjection } from '../../client/panel/projectCells';
import { localAuthorities } from '../../server/geo/geodata';

// Cells around Newport city centre and Cwmbran, at resolution 9.
const CELLS = [
  [51.5884, -2.9977],
  [51.5842, -2.9925],
  [51.5906, -3.0035],
  [51.6527, -3.0213],
].map(([lat, lng]) => latLngToCell(lat!, lng!, 9));
const WIDTH = 640;
const HEIGHT = 420;

describe('the change map’s boundaries', () => {
  const lads = localAuthorities().features as unknown as Parameters<typeof boundaryPaths>[0];
  const projection = cellProjection(CELLS, WIDTH, HEIGHT, 10)!;
  const paths = boundaryPaths(lads, projection, WIDTH, HEIGHT);

  it('outlines only the authorities that reach into the map, with the cells’ own authorities named on it', () => {
    const names = paths.map((p) => p.name);
    expect(names).toContain('Newport');
    expect(names).toContain('Torfaen');
    // Far-away authorities are left out, not drawn off the map.
    expect(names).not.toContain('Cardiff');
    expect(names).not.toContain('Westminster');
    expect(paths.length).toBeLessThan(10);
    const newport = paths.find((p) => p.name === 'Newport')!;
    expect(newport.d).toMatch(/^M[\d.-]+,[\d.-]+L/);
    expect(newport.d.endsWith('Z')).toBe(true);
  });

  it('puts each label inside the map', () => {
    const labelled = paths.filter((p) => p.label);
    expect(labelled.length).toBeGreaterThan(0);
    for (const { label } of labelled) {
      expect(label!.x).toBeGreaterThan(0);
      expect(label!.x).toBeLessThan(WIDTH);
      expect(label!.y).toBeGreaterThan(0);
      expect(label!.y).toBeLessThan(HEIGHT);
    }
  });

  it('names the authority a few streets of it fill, though its outline is off the map', () => {
    const streets = [latLngToCell(51.5884, -2.9977, 10), latLngToCell(51.5886, -2.9965, 10)];
    const close = boundaryPaths(lads, cellProjection(streets, WIDTH, HEIGHT, 10)!, WIDTH, HEIGHT);
    const newport = close.find((p) => p.name === 'Newport')!;
    expect(newport.label).not.toBeNull();
    expect(close.filter((p) => p.label).map((p) => p.name)).toEqual(['Newport']);
  });
});
