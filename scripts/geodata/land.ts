/**
 * Land, for the H3 cover. Land is what lies inside a local authority whose boundary is clipped
 * to the coastline, in either of two sources: the bundled LADs (boundaries/lad.geojson, ONS
 * generalised clipped, simplified) or every GB LAD of gb_lad_topo.json (one topology, so no
 * slivers between neighbours: it closes the gaps where the bundled LADs meet English ones they
 * were not generalised with). A point is sea only when both put it there. LSOAs reach to mean
 * low water: that is what leaves the cover.
 *
 * A cell (any resolution) stays in the cover when its centre is on land or, its centre off land,
 * when at least half of its area is land: so a cell centred on a tidal river in town (the Usk in
 * Newport) stays, a cell centred on the Severn's mudflats with a strip of shore does not. The
 * land share is computed only for cells centred off land (cell polygon intersected with the land
 * polygons whose bounding box meets it, each first clipped to the cell's box, the pieces unioned).
 */
import { readFileSync } from 'node:fs';
import { area, bbox, bboxClip, booleanPointInPolygon, featureCollection, intersect, polygon, union } from '@turf/turf';
import type { BBox, Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { cellToBoundary, cellToCenterChild, cellToLatLng, getResolution, polygonToCells } from 'h3-js';
import * as topojson from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { PATHS, shared } from './sources.js';

type Area = FeatureCollection<Polygon | MultiPolygon, { code?: string; LAD13CD?: string }>;

interface Part {
  feature: Feature<Polygon>;
  box: BBox;
}

export interface Land {
  /** Whether a cell's centre is on land (inside an authority in either source). */
  centreOnLand(h3: string): boolean;
  /** The share of a cell's area that is land, 0-1. */
  landShare(h3: string): number;
  /** Whether a cell (any resolution) stays in the cover: centre on land, or at least LAND_SHARE of its area land. */
  keeps(h3: string): boolean;
}

/**
 * A cell centred off land stays in the cover when at least this share of its area is land: a cell
 * leaves only when it is mostly (over 60%) water. Half would drop two of the four cells on the tidal
 * Usk in Newport city centre (43% and 48% land on the generalised boundaries, 56 incidents a year).
 */
export const LAND_SHARE = 0.4;

const meets = (a: BBox, b: BBox) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

function parts(features: Area['features']): Part[] {
  return features.flatMap((f) =>
    (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).map((rings) => {
      const feature = polygon(rings);
      return { feature, box: bbox(feature) };
    }),
  );
}

export function landTest(bundled: Area): Land {
  const land = new Set<string>();
  for (const f of bundled.features) {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const rings of polygons) for (const h3 of polygonToCells(rings, 10, true)) land.add(h3);
  }
  const topo = JSON.parse(readFileSync(shared(PATHS.gbLadTopo), 'utf8')) as Topology<{
    lad: GeometryCollection<Record<string, unknown>>;
  }>;
  const others = parts((topojson.feature(topo, topo.objects.lad) as unknown as Area).features);
  const all = [...parts(bundled.features), ...others];

  const centreOnLand = (h3: string) => {
    const fine = getResolution(h3) < 10 ? cellToCenterChild(h3, 10) : h3;
    if (land.has(fine)) return true;
    const [lat, lng] = cellToLatLng(h3);
    const point: BBox = [lng, lat, lng, lat];
    return others.some(({ feature, box }) => meets(box, point) && booleanPointInPolygon([lng, lat], feature));
  };
  const landShare = (h3: string) => {
    const ring = cellToBoundary(h3, true);
    const cell = polygon([[...ring, ring[0]!]]);
    const box = bbox(cell);
    const pieces: Feature<Polygon | MultiPolygon>[] = [];
    for (const part of all) {
      if (!meets(part.box, box)) continue;
      const clipped = bboxClip(part.feature, box) as Feature<Polygon>;
      if (clipped.geometry.coordinates.length === 0 || clipped.geometry.coordinates[0]!.length < 4) continue;
      const piece = intersect(featureCollection([cell, clipped]));
      if (piece) pieces.push(piece);
    }
    if (pieces.length === 0) return 0;
    const landPart = pieces.length === 1 ? pieces[0]! : union(featureCollection(pieces));
    return landPart ? Math.min(1, area(landPart) / area(cell)) : 0;
  };
  const shares = new Map<string, number>();
  const keeps = (h3: string) => {
    if (centreOnLand(h3)) return true;
    let share = shares.get(h3);
    if (share === undefined) {
      share = landShare(h3);
      shares.set(h3, share);
    }
    return share >= LAND_SHARE;
  };
  return { centreOnLand, landShare, keeps };
}
