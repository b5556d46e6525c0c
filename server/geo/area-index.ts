import { booleanPointInPolygon, pointToPolygonDistance, bbox as turfBbox, point } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

export interface AreaProps {
  code: string;
  name: string;
}
type AreaFeature = Feature<Polygon | MultiPolygon, AreaProps>;

interface IndexedArea {
  feature: AreaFeature;
  box: [number, number, number, number];
}

/**
 * Point-in-polygon lookup over a set of areas with a bounding-box prefilter. Generalised
 * boundaries cut the coast short, so a point within `coastalToleranceKm` of an area but
 * inside none is given to the nearest one (a seafront snap point is not "outside").
 */
export class AreaIndex {
  private readonly areas: IndexedArea[];

  constructor(
    collection: FeatureCollection<Polygon | MultiPolygon, AreaProps>,
    private readonly coastalToleranceKm = 2,
  ) {
    this.areas = collection.features.map((feature) => ({ feature, box: turfBbox(feature) as IndexedArea['box'] }));
  }

  get size(): number {
    return this.areas.length;
  }

  /** Code of the area containing (lng, lat), or null. */
  locate(lng: number, lat: number): string | null {
    const pt = point([lng, lat]);
    const pad = this.coastalToleranceKm / 70; // degrees; generous at UK latitudes
    const near: IndexedArea[] = [];
    for (const area of this.areas) {
      const [w, s, e, n] = area.box;
      if (lng < w - pad || lng > e + pad || lat < s - pad || lat > n + pad) continue;
      if (lng >= w && lng <= e && lat >= s && lat <= n && booleanPointInPolygon(pt, area.feature)) {
        return area.feature.properties.code;
      }
      near.push(area);
    }
    let best: string | null = null;
    let bestKm = this.coastalToleranceKm;
    for (const area of near) {
      const km = pointToPolygonDistance(pt, area.feature, { units: 'kilometers' });
      if (km <= bestKm) {
        bestKm = km;
        best = area.feature.properties.code;
      }
    }
    return best;
  }
}
