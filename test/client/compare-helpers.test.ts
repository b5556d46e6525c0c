import { describe, expect, it } from 'vitest';
import { createMapSync, type SyncableMap } from '../../client/compare/mapSync';
import { areaOptions, areaOutlines } from '../../client/geography/areaOptions';
import { commonMonths } from '../../client/period/months';
import type { AreaCollection, Partnership } from '../../client/api';

/** A stand-in map: a camera and move listeners, as MapLibre fires them on jumpTo. */
function fakeMap(lng: number, lat: number, zoom: number) {
  const listeners = new Set<() => void>();
  let camera = { lng, lat, zoom, bearing: 0, pitch: 0 };
  const map: SyncableMap & { moveTo(lng: number, lat: number, zoom: number): void; jumps: number } = {
    jumps: 0,
    getCenter: () => ({ lng: camera.lng, lat: camera.lat }),
    getZoom: () => camera.zoom,
    getBearing: () => camera.bearing,
    getPitch: () => camera.pitch,
    jumpTo(c) {
      map.jumps++;
      camera = { lng: c.center[0], lat: c.center[1], zoom: c.zoom, bearing: c.bearing, pitch: c.pitch };
      for (const l of listeners) l();
    },
    on: (_e, l) => listeners.add(l),
    off: (_e, l) => listeners.delete(l),
    moveTo(lng2, lat2, zoom2) {
      camera = { ...camera, lng: lng2, lat: lat2, zoom: zoom2 };
      for (const l of listeners) l();
    },
  };
  return map;
}

describe('linked maps', () => {
  it('moves every other map to the view of the one that moved, without echoing back', () => {
    const sync = createMapSync();
    const a = fakeMap(-3, 51.6, 9);
    const b = fakeMap(0, 0, 2);
    const c = fakeMap(1, 1, 3);
    sync.add(a);
    sync.add(b);
    const removeC = sync.add(c);
    // A map joining takes the view of those already linked.
    expect([b.getCenter(), b.getZoom()]).toEqual([{ lng: -3, lat: 51.6 }, 9]);
    expect([c.getCenter(), c.getZoom()]).toEqual([{ lng: -3, lat: 51.6 }, 9]);
    const jumps = a.jumps + b.jumps + c.jumps;
    b.moveTo(-3.2, 51.5, 11);
    for (const m of [a, c]) expect([m.getCenter(), m.getZoom()]).toEqual([{ lng: -3.2, lat: 51.5 }, 11]);
    // One jump each for the two followers: their own move events do not start another round.
    expect(a.jumps + b.jumps + c.jumps - jumps).toBe(2);
    removeC();
    a.moveTo(-2.9, 51.6, 10);
    expect(b.getZoom()).toBe(10);
    expect(c.getZoom()).toBe(11);
    expect(sync.size).toBe(2);
  });
});

describe('compare helpers', () => {
  it('takes the latest months every dataset covers', () => {
    const gwent = { monthFrom: '2023-07', monthTo: '2025-06' };
    const southWales = { monthFrom: '2024-01', monthTo: '2024-04' };
    expect(commonMonths([gwent, southWales])).toEqual({ from: '2024-01', to: '2024-04' });
    expect(commonMonths([gwent])).toEqual({ from: '2024-07', to: '2025-06' });
    expect(commonMonths([gwent, { monthFrom: '2025-07', monthTo: '2025-09' }])).toBeNull();
    expect(commonMonths([])).toBeNull();
  });

  it('offers force areas, local authorities and partnerships, and outlines a partnership by its authorities', () => {
    const square = (x: number) => ({
      type: 'Polygon' as const,
      coordinates: [
        [
          [x, 0],
          [x + 1, 0],
          [x + 1, 1],
          [x, 1],
          [x, 0],
        ],
      ],
    });
    const fc = (codes: [string, string][]): AreaCollection => ({
      type: 'FeatureCollection',
      features: codes.map(([code, name], i) => ({
        type: 'Feature',
        properties: { code, name, nameWelsh: null, parentCode: null, population: 1 },
        geometry: square(i),
      })),
    });
    const forces = fc([['W15000002', 'Gwent']]);
    const lads = fc([
      ['W06000022', 'Newport'],
      ['W06000020', 'Torfaen'],
    ]);
    const partnerships = [
      { id: 7, name: 'Newport and Torfaen', lads: ['W06000022', 'W06000020'] },
    ] as unknown as Partnership[];
    expect(areaOptions(forces, lads, partnerships).map((o) => `${o.level} ${o.key} ${o.name}`)).toEqual([
      'pfa pfa:W15000002 Gwent',
      'lad lad:W06000022 Newport',
      'lad lad:W06000020 Torfaen',
      'partnership partnership:7 Newport and Torfaen',
    ]);
    expect(
      areaOutlines(['pfa:W15000002', 'partnership:7'], forces, lads, partnerships).features.map(
        (f) => f.properties.code,
      ),
    ).toEqual(['W15000002', 'W06000022', 'W06000020']);
  });
});
