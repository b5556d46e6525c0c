import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';

/** Boundary overlays the user can switch on and off. */
export type BoundaryLayer = 'lad' | 'pfa' | 'lsoa' | 'partnership';

export type BoundaryVisibility = Record<BoundaryLayer, boolean>;

export const DEFAULT_BOUNDARY_VISIBILITY: BoundaryVisibility = { lad: true, pfa: true, lsoa: false, partnership: true };

export const BOUNDARY_OPTIONS: ReadonlyArray<{ layer: BoundaryLayer; label: string; hint: string }> = [
  { layer: 'partnership', label: 'Selected partnership', hint: 'Thick blue outline' },
  { layer: 'pfa', label: 'Police force areas', hint: 'Thick dark line' },
  { layer: 'lad', label: 'Local authorities (LAD)', hint: 'Dark grey line' },
  { layer: 'lsoa', label: 'LSOAs (2011)', hint: 'Thin grey line; loaded when switched on' },
];

/** GeoJSON sources, one per boundary layer; the PFA source keeps its original id. */
export const SOURCE = {
  pfa: 'police-force-areas',
  lad: 'local-authorities',
  lsoa: 'lsoas',
  partnership: 'partnership',
} as const satisfies Record<BoundaryLayer, string>;

/** MapLibre layer ids, exported for tests (queryRenderedFeatures) and the visibility toggles. */
export const LAYER = {
  pfaFill: 'pfa-fill',
  pfaLine: 'pfa-outline',
  lsoaFill: 'lsoa-fill',
  lsoaLine: 'lsoa-line',
  ladFill: 'lad-fill',
  ladLine: 'lad-line',
  partnershipFill: 'partnership-fill',
  partnershipCasing: 'partnership-casing',
  partnershipLine: 'partnership-line',
} as const;

/** Which style layers each toggle shows or hides (the land fill under the force areas stays). */
export const LAYERS_OF: Record<BoundaryLayer, readonly string[]> = {
  pfa: [LAYER.pfaLine],
  lad: [LAYER.ladFill, LAYER.ladLine],
  lsoa: [LAYER.lsoaFill, LAYER.lsoaLine],
  partnership: [LAYER.partnershipFill, LAYER.partnershipCasing, LAYER.partnershipLine],
};

const empty = (): SourceSpecification => ({ type: 'geojson', data: { type: 'FeatureCollection', features: [] } });

export const BOUNDARY_SOURCES: Record<string, SourceSpecification> = {
  [SOURCE.pfa]: empty(),
  [SOURCE.lad]: empty(),
  [SOURCE.lsoa]: empty(),
  [SOURCE.partnership]: empty(),
};

const hidden = (visible: boolean) => ({ visibility: visible ? ('visible' as const) : ('none' as const) });

/**
 * Drawing order, bottom to top: land (force area fill), LSOAs, LADs, force areas, the selected
 * partnership. deck.gl draws the hexagons and places on its own canvas above all of these, so
 * the lines are dark and opaque enough to read through the hexagons' translucent fill.
 */
export function boundaryStyleLayers(
  visibility: BoundaryVisibility = DEFAULT_BOUNDARY_VISIBILITY,
): LayerSpecification[] {
  return [
    {
      id: LAYER.pfaFill,
      type: 'fill',
      source: SOURCE.pfa,
      paint: { 'fill-color': '#f5f7fa', 'fill-opacity': 0.85 },
    },
    {
      id: LAYER.lsoaFill,
      type: 'fill',
      source: SOURCE.lsoa,
      layout: hidden(visibility.lsoa),
      paint: { 'fill-color': '#52606d', 'fill-opacity': 0.02 },
    },
    {
      id: LAYER.lsoaLine,
      type: 'line',
      source: SOURCE.lsoa,
      layout: hidden(visibility.lsoa),
      paint: {
        'line-color': '#2a3038',
        'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.4, 11, 0.9, 14, 1.5],
        'line-opacity': 0.85,
      },
    },
    {
      id: LAYER.ladFill,
      type: 'fill',
      source: SOURCE.lad,
      layout: hidden(visibility.lad),
      paint: { 'fill-color': '#52606d', 'fill-opacity': 0.03 },
    },
    {
      id: LAYER.ladLine,
      type: 'line',
      source: SOURCE.lad,
      layout: { ...hidden(visibility.lad), 'line-join': 'round' },
      paint: {
        'line-color': '#2f363d',
        'line-width': ['interpolate', ['linear'], ['zoom'], 7, 1, 10, 2, 14, 3],
        'line-opacity': 0.9,
      },
    },
    {
      id: LAYER.pfaLine,
      type: 'line',
      source: SOURCE.pfa,
      layout: { ...hidden(visibility.pfa), 'line-join': 'round' },
      paint: {
        'line-color': '#1b2128',
        'line-width': ['interpolate', ['linear'], ['zoom'], 6, 1.2, 10, 2.6, 14, 3.4],
        'line-opacity': 0.9,
      },
    },
    {
      id: LAYER.partnershipFill,
      type: 'fill',
      source: SOURCE.partnership,
      layout: hidden(visibility.partnership),
      paint: { 'fill-color': '#1c4f82', 'fill-opacity': 0.05 },
    },
    {
      id: LAYER.partnershipCasing,
      type: 'line',
      source: SOURCE.partnership,
      layout: { ...hidden(visibility.partnership), 'line-join': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': 7.5, 'line-opacity': 0.8 },
    },
    {
      id: LAYER.partnershipLine,
      type: 'line',
      source: SOURCE.partnership,
      layout: { ...hidden(visibility.partnership), 'line-join': 'round' },
      paint: { 'line-color': '#1c4f82', 'line-width': 4 },
    },
  ];
}
