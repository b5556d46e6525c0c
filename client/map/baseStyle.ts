import type { StyleSpecification } from 'maplibre-gl';
import { BOUNDARY_SOURCES, boundaryStyleLayers } from '../geography/boundaryLayers';

/**
 * An air-gapped base style: water (the background) and land (force areas), boundary outlines (force areas, local
 * authorities, LSOAs, the selected partnership) loaded from our own API. No tiles, glyphs or
 * sprites: the names are deck.gl text (useBaseMap.ts), drawn over the hexagons.
 */
export const BASE_STYLE: StyleSpecification = {
  version: 8,
  sources: { ...BOUNDARY_SOURCES },
  layers: [
    // Water: the sea and the estuaries are where no land (force area) is drawn.
    { id: 'background', type: 'background', paint: { 'background-color': '#aecde3' } },
    ...boundaryStyleLayers(),
  ],
};

/** Initial view: Gwent. */
export const INITIAL_VIEW = { center: [-3.0, 51.65] as [number, number], zoom: 9 };
