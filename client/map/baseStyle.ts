import type { StyleSpecification } from 'maplibre-gl';
import { BOUNDARY_SOURCES, boundaryStyleLayers } from '../geography/boundaryLayers';

/**
 * An air-gapped base style: a plain background and boundary outlines (force areas, local
 * authorities, LSOAs, the selected partnership) loaded from our own API. No tiles, glyphs or
 * sprites, so no text or symbol layers.
 */
export const BASE_STYLE: StyleSpecification = {
  version: 8,
  sources: { ...BOUNDARY_SOURCES },
  layers: [
    { id: 'background', type: 'background', paint: { 'background-color': '#d9e2ec' } },
    ...boundaryStyleLayers(),
  ],
};

/** Initial view: Gwent. */
export const INITIAL_VIEW = { center: [-3.0, 51.65] as [number, number], zoom: 9 };
