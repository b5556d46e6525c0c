import type { StyleSpecification } from 'maplibre-gl';

export const BOUNDARY_SOURCE = 'police-force-areas';

/**
 * An air-gapped base style: a plain background and police force area outlines loaded from our
 * own API. No tiles, glyphs or sprites, so no text or symbol layers.
 */
export const BASE_STYLE: StyleSpecification = {
  version: 8,
  sources: {
    [BOUNDARY_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
  },
  layers: [
    { id: 'background', type: 'background', paint: { 'background-color': '#d9e2ec' } },
    {
      id: 'pfa-fill',
      type: 'fill',
      source: BOUNDARY_SOURCE,
      paint: { 'fill-color': '#f5f7fa', 'fill-opacity': 0.85 },
    },
    {
      id: 'pfa-outline',
      type: 'line',
      source: BOUNDARY_SOURCE,
      paint: { 'line-color': '#27303b', 'line-width': 1.2, 'line-opacity': 0.85 },
    },
  ],
};

/** Initial view: Gwent. */
export const INITIAL_VIEW = { center: [-3.0, 51.65] as [number, number], zoom: 9 };
