import { readFileSync } from 'node:fs';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { AreaIndex, type AreaProps } from './area-index.js';

const geodata = new URL('../../geodata/boundaries/', import.meta.url);

export type AreaCollection = FeatureCollection<Polygon | MultiPolygon, AreaProps>;

let pfa: AreaCollection | undefined;
let pfaIndex: AreaIndex | undefined;

/** The 43 police force areas of England and Wales (built by scripts/build-geodata.ts). */
export function policeForceAreas(): AreaCollection {
  pfa ??= JSON.parse(readFileSync(new URL('pfa.geojson', geodata), 'utf8')) as AreaCollection;
  return pfa;
}

export function policeForceAreaIndex(): AreaIndex {
  pfaIndex ??= new AreaIndex(policeForceAreas());
  return pfaIndex;
}
