import { describe, expect, it } from 'vitest';
import { defaultDatasetIds } from '../../client/datasets/defaultDataset';
import { defaultGroupIds, groupIdsForQuery } from '../../client/groups/groupSelection';
import { outlinesVisible } from '../../client/map/cellsLayer';
import { countColour, legendStops, logPosition } from '../../client/map/colourScale';
import { addMonths, coverage, latestMonths } from '../../client/period/months';

describe('months', () => {
  it('adds months across years', () => {
    expect(addMonths('2024-01', -1)).toBe('2023-12');
    expect(addMonths('2023-12', 1)).toBe('2024-01');
    expect(addMonths('2025-06', -11)).toBe('2024-07');
  });

  it('defaults to the latest 12 months the datasets cover', () => {
    const datasets = [
      { monthFrom: '2022-07', monthTo: '2025-06' },
      { monthFrom: '2024-01', monthTo: '2024-04' },
    ];
    expect(coverage(datasets)).toEqual({ from: '2022-07', to: '2025-06' });
    expect(latestMonths(datasets)).toEqual({ from: '2024-07', to: '2025-06' });
    expect(latestMonths([{ monthFrom: '2025-05', monthTo: '2025-06' }])).toEqual({ from: '2025-05', to: '2025-06' });
    expect(latestMonths([{ monthFrom: null, monthTo: null }])).toBeNull();
  });
});

describe('default selections', () => {
  it('picks the public police.uk Gwent dataset, else the first', () => {
    const gwent = { id: 7, name: 'Gwent street crime', kind: 'police-uk', sensitivity: 'public' };
    const ed = { id: 3, name: 'Gwent ED', kind: 'incidents', sensitivity: 'restricted' };
    expect(defaultDatasetIds([ed, gwent])).toEqual([7]);
    expect(defaultDatasetIds([ed])).toEqual([3]);
    expect(defaultDatasetIds([])).toEqual([]);
  });

  it('selects violence groups and sends a parent without its children', () => {
    const groups = [
      { id: 'violence-sexual', violence: true, parent: null },
      { id: 'homicide', violence: true, parent: 'violence-sexual' },
      { id: 'robbery', violence: true, parent: null },
      { id: 'drugs', violence: false, parent: null },
    ];
    expect(defaultGroupIds(groups)).toEqual(['violence-sexual', 'homicide', 'robbery']);
    expect(groupIdsForQuery(groups, defaultGroupIds(groups))).toEqual(['violence-sexual', 'robbery']);
    expect(groupIdsForQuery(groups, ['homicide', 'drugs'])).toEqual(['homicide', 'drugs']);
  });
});

describe('colour scale', () => {
  it('is logarithmic from 1 to the maximum', () => {
    expect(logPosition(1, 100)).toBe(0);
    expect(logPosition(10, 100)).toBeCloseTo(0.5);
    expect(logPosition(100, 100)).toBe(1);
    expect(countColour(1, 100)).not.toEqual(countColour(100, 100));
  });

  it('labels the legend from the smallest shown count', () => {
    expect(legendStops(1, 41)[0]).toBe(1);
    expect(legendStops(5, 96)).toEqual([5, 10, 22, 46, 96]);
    expect(legendStops(3, 3)).toEqual([3]);
  });
});

describe('hexagon outlines', () => {
  it('are drawn only where a hexagon edge is at least 3 px on screen', () => {
    // Web Mercator, 512-px tiles: at zoom 9 and 51.65 N a pixel is 0.6211 * 78,271.5 / 512 = 94.9 m.
    // Average H3 edges: r8 531.4 m (5.6 px), r9 200.8 m (2.1 px), r10 75.9 m (0.8 px).
    expect(outlinesVisible(8, 9, 51.65)).toBe(true);
    expect(outlinesVisible(9, 9, 51.65)).toBe(false);
    expect(outlinesVisible(10, 9, 51.65)).toBe(false);
    // One zoom level doubles the pixels: r9 at zoom 10 is 4.2 px, r10 at zoom 11 is 3.2 px.
    expect(outlinesVisible(9, 10, 51.65)).toBe(true);
    expect(outlinesVisible(10, 11, 51.65)).toBe(true);
    expect(outlinesVisible(10, 10.9, 51.65)).toBe(false);
    // Further north a pixel covers fewer metres: r9 at zoom 9.4 is 2.8 px at 51.65 N, 3.5 px at 60 N.
    expect(outlinesVisible(9, 9.4, 51.65)).toBe(false);
    expect(outlinesVisible(9, 9.4, 60)).toBe(true);
  });
});
