import { describe, expect, it } from 'vitest';
import { countKey } from '../../client/map/Legend';
import { type Box, printLayout, wrap } from '../../client/map/print/layout';
import { metresPerPixel, scaleBar } from '../../client/map/print/scaleBar';
import { countColour, SUPPRESSED_FILL } from '../../client/map/colourScale';
import type { CellsBody } from '../../client/api';

/** A fixed-pitch stand-in for canvas measureText: 0.55 of the font size per character. */
const measure = (text: string, size: number) => text.length * size * 0.55;
const SCALE = 300 / 96;

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function cellsBody(counts: (number | null)[], threshold: number | null, restricted: boolean): CellsBody {
  return {
    cells: counts.map((count, i) => ({ h3: `89195871${i}ffff`, count })),
    threshold,
    restricted,
    from: '2024-01',
    to: '2024-02',
    res: 9,
  } as unknown as CellsBody;
}

describe('scale bar', () => {
  it('gives Web Mercator ground resolution, halving with each zoom level', () => {
    expect(metresPerPixel(0, 0)).toBeCloseTo(78_271.5, 0);
    expect(metresPerPixel(51.6, 13) / metresPerPixel(51.6, 14)).toBeCloseTo(2, 10);
    expect(metresPerPixel(60, 10)).toBeCloseTo(metresPerPixel(0, 10) / 2, 6);
  });

  it('picks the longest round length that fits, in m or km', () => {
    // Newport at zoom 13: about 5.95 m per pixel.
    const bar = scaleBar(metresPerPixel(51.58, 13), 200);
    expect(bar).toMatchObject({ metres: 1000, label: '1 km' });
    expect(bar.pixels).toBeLessThanOrEqual(200);
    expect(bar.pixels).toBeGreaterThan(80);
    expect(scaleBar(1, 180)).toMatchObject({ metres: 100, label: '100 m', pixels: 100 });
    expect(scaleBar(100, 300)).toMatchObject({ metres: 20_000, label: '20 km' });
  });
});

describe('print layout', () => {
  const cells = cellsBody([1, 3, 8, 20, 55, null, null], 5, true);
  const key = countKey(cells);
  const input = {
    map: { width: Math.round(900 * SCALE), height: Math.round(600 * SCALE) },
    scale: SCALE,
    title: 'Incidents per hexagon, Newport CSP, 2024-01 to 2024-02',
    caption:
      'Incidents per hexagon: Violence and sexual offences; Newport CSP, 2024-01 to 2024-02, H3 resolution 9. Contains OS data © Crown copyright; ONS and police.uk data under OGL v3; place names © GeoNames, CC BY 4.0.',
    key,
    scaleBar: scaleBar(metresPerPixel(51.58, 13), 180),
    bearing: 0,
    measure,
  };

  it('takes the count legend from the legend on screen: the same colours, and "fewer than k" for withheld cells', () => {
    expect(key.items.map((i) => i.label)).toEqual(['1', '3', '7', '20', '55', 'Fewer than 5']);
    expect(key.items[4]!.fill).toEqual(countColour(55, 55));
    expect(key.items[5]!.fill).toEqual(SUPPRESSED_FILL);
  });

  it('puts the title over the map, the arrow and scale bar on it, and the legend and caption under it', () => {
    const layout = printLayout(input);
    const page: Box = { x: 0, y: 0, width: layout.width, height: layout.height };
    expect(layout.width).toBe(input.map.width);
    expect(layout.map).toMatchObject({ x: 0, width: input.map.width, height: input.map.height });
    expect(layout.title.y).toBeLessThan(layout.map.y);
    expect(layout.title.text).toBe(input.title);
    // Furniture on the map, in opposite corners, not overlapping.
    expect(inside(layout.northArrow.box, layout.map)).toBe(true);
    expect(inside(layout.scaleBar.box, layout.map)).toBe(true);
    expect(overlaps(layout.northArrow.box, layout.scaleBar.box)).toBe(false);
    expect(layout.northArrow.box.x).toBeGreaterThan(layout.map.width / 2);
    expect(layout.scaleBar.box.y).toBeGreaterThan(layout.map.y + layout.map.height / 2);
    expect(inside(layout.scaleBar.bar, layout.scaleBar.box)).toBe(true);
    expect(layout.scaleBar.bar.width).toBe(Math.round(input.scaleBar.pixels * SCALE));
    expect(layout.scaleBar.label.text).toBe('1 km');
    // Legend and caption below the map, inside the page, one swatch per item, none overlapping.
    expect(layout.legend.box.y).toBeGreaterThanOrEqual(layout.map.y + layout.map.height);
    expect(inside(layout.legend.box, page)).toBe(true);
    expect(layout.legend.title.text).toBe('Incidents per hexagon (log scale)');
    expect(layout.legend.items).toHaveLength(key.items.length);
    for (const [i, item] of layout.legend.items.entries()) {
      expect(inside(item.swatch, layout.legend.box)).toBe(true);
      expect(item.fill).toEqual(key.items[i]!.fill);
      for (const other of layout.legend.items.slice(i + 1)) expect(overlaps(item.swatch, other.swatch)).toBe(false);
    }
    expect(layout.caption.length).toBeGreaterThan(1);
    expect(layout.caption.map((l) => l.text).join(' ')).toBe(input.caption);
    for (const line of layout.caption) {
      expect(line.y).toBeGreaterThan(layout.legend.box.y + layout.legend.box.height);
      expect(line.y).toBeLessThanOrEqual(layout.height);
      expect(measure(line.text, line.size)).toBeLessThanOrEqual(layout.width - 2 * Math.round(8 * SCALE));
    }
  });

  it('wraps a long legend into more rows on a narrow map, and grows the page to hold it', () => {
    const manyClasses = {
      title: 'Emerging hot spots',
      items: Array.from({ length: 16 }, (_, i) => ({ label: `Pattern number ${i} hot spot (12)`, fill: null })),
    };
    const wide = printLayout({ ...input, key: manyClasses });
    const narrow = printLayout({ ...input, key: manyClasses, map: { width: 1000, height: input.map.height } });
    const rows = (l: typeof wide) => new Set(l.legend.items.map((i) => i.swatch.y)).size;
    expect(rows(narrow)).toBeGreaterThan(rows(wide));
    expect(narrow.legend.box.height).toBeGreaterThan(wide.legend.box.height);
    for (const item of narrow.legend.items) expect(item.swatch.x + item.swatch.width).toBeLessThanOrEqual(1000);
  });

  it('wraps text at spaces within the width', () => {
    expect(wrap('aa bb cc dd', 5, (t) => t.length)).toEqual(['aa bb', 'cc dd']);
    expect(wrap('single', 2, (t) => t.length)).toEqual(['single']);
  });
});
