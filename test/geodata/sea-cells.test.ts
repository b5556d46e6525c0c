/**
 * The H3 cover leaves the sea out: a cell leaves every cover only when its centre is not on land
 * and under 40% of it is land (scripts/geodata/land.ts). Checked on the committed
 * geodata/cells.csv.gz: against the rule as land.ts computes it, and independently against the
 * finer coastline-clipped Welsh boundaries in ../shared/data (wales_lad_2013.geojson) and the
 * police.uk incidents on the tidal Usk in Newport city centre.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import {
  area,
  bbox,
  bboxClip,
  booleanPointInPolygon,
  featureCollection,
  intersect,
  pointToLineDistance,
  polygon,
  polygonToLine,
  union,
} from '@turf/turf';
import type { BBox, Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { cellToBoundary, cellToLatLng, latLngToCell } from 'h3-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { LAND_SHARE, type Land, landTest } from '../../scripts/geodata/land.js';
import { localAuthorities } from '../../server/geo/geodata.js';
import { policeUkFile, SHARED } from '../helpers/shared-data.js';

const NEWPORT = 'W06000022';
const rows = gunzipSync(readFileSync(new URL('../../geodata/cells.csv.gz', import.meta.url)))
  .toString('utf8')
  .split('\n')
  .slice(1)
  .filter(Boolean)
  .map((line) => line.split(','));
const wales = JSON.parse(readFileSync(`${SHARED}boundaries/wales_lad_2013.geojson`, 'utf8')) as FeatureCollection<
  Polygon | MultiPolygon,
  { LAD13CD: string }
>;
/** Cells with a row for Newport (its cover before any cell left it, sea cells included), and the cells in any cover. */
const newportCells = (res: string) => [
  ...new Set(rows.filter((r) => r[0] === res && r[2] === NEWPORT).map((r) => r[1]!)),
];
const covered = (res: string) => new Set(rows.filter((r) => r[0] === res && r[4] === '1').map((r) => r[1]!));

// Independent land: every Welsh authority of wales_lad_2013 (Newport's neighbours share its estuary).
const welsh = wales.features.flatMap((f) =>
  (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).map((rings) => {
    const p = polygon(rings);
    return { p, box: bbox(p) };
  }),
);
const meets = (a: BBox, b: BBox) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
function welshLandShare(h3: string): number {
  const ring = cellToBoundary(h3, true);
  const cell = polygon([[...ring, ring[0]!]]);
  const box = bbox(cell);
  const pieces = welsh
    .filter((w) => meets(w.box, box))
    .map((w) => intersect(featureCollection([cell, bboxClip(w.p, box) as Feature<Polygon>])))
    .filter((p): p is Feature<Polygon | MultiPolygon> => p !== null);
  const land = pieces.length > 1 ? union(featureCollection(pieces)) : pieces[0];
  return land ? area(land) / area(cell) : 0;
}
const newport = wales.features.find((f) => f.properties.LAD13CD === NEWPORT)!;
const edge = polygonToLine(newport) as Feature<LineString | MultiLineString> | FeatureCollection<LineString>;
const edges = 'features' in edge ? edge.features : [edge];
const metresOutside = (h3: string) => {
  const [lat, lng] = cellToLatLng(h3);
  return booleanPointInPolygon([lng, lat], newport)
    ? 0
    : Math.min(...edges.map((l) => pointToLineDistance([lng, lat], l as Feature<LineString>, { units: 'meters' })));
};

describe('the H3 cover leaves the sea out', () => {
  let land: Land;
  beforeAll(() => {
    land = landTest(localAuthorities());
  }, 120_000);

  it('keeps a Newport cell exactly when its centre is on land or at least 40% of it is land', () => {
    for (const res of ['7', '8', '9']) {
      const cover = covered(res);
      let kept = 0;
      let left = 0;
      for (const h3 of newportCells(res)) {
        if (land.centreOnLand(h3)) {
          expect(cover.has(h3), `${res} ${h3}`).toBe(true);
          continue;
        }
        const share = land.landShare(h3);
        expect(cover.has(h3), `${res} ${h3} land ${share.toFixed(3)}`).toBe(share >= LAND_SHARE);
        if (cover.has(h3)) kept++;
        else left++;
      }
      // Both sides of the rule happen: cells centred off land that stay, and cells that leave.
      if (res !== '7') expect(kept, res).toBeGreaterThan(0);
      expect(left, res).toBeGreaterThan(0);
    }
  });

  it('keeps the Usk cells of Newport city centre that are mostly land, with their incidents', () => {
    // police.uk Gwent, July 2023 - June 2024, by resolution-9 cell.
    const incidents = new Map<string, number>();
    for (const month of ['2023-07', '2023-08', '2023-09', '2023-10', '2023-11', '2023-12'].concat(
      ['01', '02', '03', '04', '05', '06'].map((m) => `2024-${m}`),
    )) {
      for (const line of readFileSync(policeUkFile('gwent', month), 'utf8').split(/\r?\n/).slice(1)) {
        const f = line.split(',');
        if (!f[4] || !f[5]) continue;
        const h3 = latLngToCell(Number(f[5]), Number(f[4]), 9);
        incidents.set(h3, (incidents.get(h3) ?? 0) + 1);
      }
    }
    // Newport's cells centred off land that hold incidents: the four on the tidal Usk in town.
    const usk = newportCells('9')
      .filter((h3) => !land.centreOnLand(h3) && incidents.has(h3))
      .sort();
    expect(usk).toEqual(['8919587129bffff', '8919587166bffff', '8919587166fffff', '8919587a5b7ffff']);
    expect(usk.reduce((a, h3) => a + incidents.get(h3)!, 0)).toBe(97);
    const cover = covered('9');
    const kept = usk.filter((h3) => cover.has(h3));
    // Under the centre rule none stays; at least 40% of each is land (43% to 60% on the generalised
    // boundaries), so all four stay with their 97 incidents. A half-land rule would drop two (56).
    expect(kept).toEqual(usk);
    expect(LAND_SHARE).toBe(0.4);
    for (const h3 of kept) {
      expect(rows.some((r) => r[0] === '9' && r[1] === h3 && r[2] === NEWPORT && r[4] === '1')).toBe(true);
    }
  });

  it('leaves the Severn-shore and estuary cells that are mostly water, on the finer boundaries too', () => {
    for (const [res, least] of [
      ['7', 3],
      ['8', 8],
      ['9', 25],
    ] as const) {
      const cover = covered(res);
      // Centred in the water (beyond the 100 m generalisation of the bundled boundaries) and under 30% land.
      const water = newportCells(res).filter((h3) => metresOutside(h3) >= 60 && welshLandShare(h3) < 0.3);
      expect(water.length, res).toBeGreaterThanOrEqual(least);
      for (const h3 of water) expect(cover.has(h3), `${res} ${h3}`).toBe(false);
      // On the Severn shore itself, south of the Usk mouth (51.53 N), none is in a cover either.
      if (res === '9') expect(water.filter((h3) => cellToLatLng(h3)[0] < 51.53).length).toBeGreaterThanOrEqual(5);
    }
  });

  it('keeps a Newport cell centred well off its boundary only where a good part of it is land', () => {
    for (const res of ['7', '8', '9']) {
      const cover = rows.filter((r) => r[0] === res && r[2] === NEWPORT && r[4] === '1');
      expect(cover.length).toBeGreaterThan(0);
      for (const [, h3] of cover) {
        // The bundled boundaries are simplified to 100 m: a centre up to 60 m off the original is the same line.
        if (metresOutside(h3!) < 60) continue;
        // The rule keeps 40% land on the generalised boundaries: at least 30% on the finer ones.
        expect(welshLandShare(h3!), `${res} ${h3}`).toBeGreaterThan(0.3);
      }
    }
  });

  it("still holds Newport's residents in its rows, sea cells included, at every resolution", () => {
    for (const res of ['7', '8', '9']) {
      const people = rows.filter((r) => r[0] === res && r[2] === NEWPORT).reduce((a, r) => a + Number(r[5]), 0);
      expect(people).toBeCloseTo(156_447, 0);
      // Sea cells: rows with residents (or none) but no cover row for any LAD.
      const cover = covered(res);
      const sea = new Set(rows.filter((r) => r[0] === res && r[2] === NEWPORT && !cover.has(r[1]!)).map((r) => r[1]));
      if (res === '9') expect(sea.size).toBeGreaterThan(0);
    }
  });
});
