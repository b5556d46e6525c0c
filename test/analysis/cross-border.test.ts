import { gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import {
  borderCells,
  crossBorderPattern,
  hotClusters,
  type CrossBorderCell,
} from '../../server/analysis/cross-border.js';

// A small region: a centre cell and its rings, split into two areas by longitude.
const centre = latLngToCell(51.55, -3.05, 9);
const region = gridDisk(centre, 3);
const ring1 = gridDisk(centre, 1);

describe('cross-border patterns and clusters', () => {
  it('names the pattern from the class together and alone (hot = 95% or more), and where the cell lies', () => {
    expect(crossBorderPattern({ combined: 3, alone: 2 }, true)).toBe('both');
    expect(crossBorderPattern({ combined: 2, alone: 1 }, true)).toBe('cross-border');
    expect(crossBorderPattern({ combined: 2, alone: 1 }, false)).toBe('combined-only');
    expect(crossBorderPattern({ combined: 1, alone: 3 }, false)).toBe('alone-only');
    expect(crossBorderPattern({ combined: -3, alone: 0 }, true)).toBe('none');
    expect(crossBorderPattern({ combined: null, alone: null }, true)).toBe('none');
  });

  it('joins hot cells that share an edge into clusters, and says which straddle a boundary', () => {
    // Area 0: the centre and the first ring's first three cells; area 1: the rest.
    const areaOf = (h: string) => {
      const i = ring1.indexOf(h);
      return i >= 0 && i <= 3 ? 0 : 1;
    };
    // Hot together: the centre and its ring (7 cells, both areas), and one far cell on its own.
    const far = region.find((h) => !gridDisk(centre, 2).includes(h))!;
    const hot = new Set([...ring1, far]);
    const cells: CrossBorderCell[] = region.map((h3) => ({
      h3,
      area: areaOf(h3),
      combined: hot.has(h3) ? 3 : 0,
      alone: h3 === centre ? 3 : 0,
    }));
    const clusters = hotClusters(cells, 2);
    expect(clusters).toHaveLength(2);
    expect(clusters[0]!.cells).toEqual([...ring1].sort());
    expect(clusters[0]!.byArea).toEqual([
      ring1.filter((h) => areaOf(h) === 0).length,
      ring1.filter((h) => areaOf(h) === 1).length,
    ]);
    expect(clusters[0]!.straddles).toBe(true);
    expect(clusters[0]!.combinedOnly).toBe(6); // all but the centre, which is hot alone too
    expect(clusters[1]).toEqual({ cells: [far], byArea: [0, 1], straddles: false, combinedOnly: 1 });
  });

  it('marks the cells within k steps of another area as border cells', () => {
    const cells = region.map((h3) => ({ h3, area: h3 === centre ? 0 : 1 }));
    expect([...borderCells(cells, 1)].sort()).toEqual([...ring1].sort());
    expect(borderCells(cells, 2).size).toBe(gridDisk(centre, 2).length);
    expect(
      borderCells(
        region.map((h3) => ({ h3, area: 0 })),
        3,
      ).size,
    ).toBe(0);
  });
});
