import type { MessageKey } from '../i18n/language';
import type { ExpressionSpecification, LayerSpecification, SourceSpecification } from 'maplibre-gl';

/** Boundary overlays the user can switch on and off. */
export type BoundaryLayer = 'lad' | 'pfa' | 'lsoa' | 'partnership';

export type BoundaryVisibility = Record<BoundaryLayer, boolean>;

export const DEFAULT_BOUNDARY_VISIBILITY: BoundaryVisibility = { lad: true, pfa: true, lsoa: false, partnership: true };

export const BOUNDARY_OPTIONS: ReadonlyArray<{ layer: BoundaryLayer; label: MessageKey; hint: MessageKey }> = [
  { layer: 'partnership', label: 'map.boundary.partnership', hint: 'map.boundary.partnershipHint' },
  { layer: 'pfa', label: 'map.boundary.pfa', hint: 'map.boundary.pfaHint' },
  { layer: 'lad', label: 'map.boundary.lad', hint: 'map.boundary.ladHint' },
  { layer: 'lsoa', label: 'map.boundary.lsoa', hint: 'map.boundary.lsoaHint' },
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

type Paint<T extends LayerSpecification['type']> = Extract<LayerSpecification, { type: T }>['paint'];

const fill = (id: string, source: string, visible: boolean | null, paint: Paint<'fill'>): LayerSpecification => ({
  id,
  type: 'fill',
  source,
  ...(visible === null ? {} : { layout: hidden(visible) }),
  paint,
});

const line = (id: string, source: string, visible: boolean, paint: Paint<'line'>): LayerSpecification => ({
  id,
  type: 'line',
  source,
  layout: { ...hidden(visible), 'line-join': 'round' },
  paint,
});

/** Line width growing with the zoom: [zoom, width] stops. */
const widths = (...stops: [number, number][]): ExpressionSpecification => [
  'interpolate',
  ['linear'],
  ['zoom'],
  ...stops.flat(),
];

/**
 * Drawing order, bottom to top: land (force area fill), LSOAs, LADs, force areas, the selected
 * partnership. deck.gl draws the hexagons and places on its own canvas above all of these, so
 * the lines are dark and opaque enough to read through the hexagons' translucent fill.
 */
export function boundaryStyleLayers(
  visibility: BoundaryVisibility = DEFAULT_BOUNDARY_VISIBILITY,
): LayerSpecification[] {
  return [
    fill(LAYER.pfaFill, SOURCE.pfa, null, { 'fill-color': '#f5f7fa', 'fill-opacity': 0.85 }),
    fill(LAYER.lsoaFill, SOURCE.lsoa, visibility.lsoa, { 'fill-color': '#52606d', 'fill-opacity': 0.02 }),
    line(LAYER.lsoaLine, SOURCE.lsoa, visibility.lsoa, {
      'line-color': '#2a3038',
      'line-width': widths([8, 0.4], [11, 0.9], [14, 1.5]),
      'line-opacity': 0.85,
    }),
    fill(LAYER.ladFill, SOURCE.lad, visibility.lad, { 'fill-color': '#52606d', 'fill-opacity': 0.03 }),
    line(LAYER.ladLine, SOURCE.lad, visibility.lad, {
      'line-color': '#2f363d',
      'line-width': widths([7, 1], [10, 2], [14, 3]),
      'line-opacity': 0.9,
    }),
    line(LAYER.pfaLine, SOURCE.pfa, visibility.pfa, {
      'line-color': '#1b2128',
      'line-width': widths([6, 1.2], [10, 2.6], [14, 3.4]),
      'line-opacity': 0.9,
    }),
    fill(LAYER.partnershipFill, SOURCE.partnership, visibility.partnership, {
      'fill-color': '#1c4f82',
      'fill-opacity': 0.05,
    }),
    line(LAYER.partnershipCasing, SOURCE.partnership, visibility.partnership, {
      'line-color': '#ffffff',
      'line-width': 7.5,
      'line-opacity': 0.8,
    }),
    line(LAYER.partnershipLine, SOURCE.partnership, visibility.partnership, {
      'line-color': '#1c4f82',
      'line-width': 4,
    }),
  ];
}

/** The visible layers as a list (as a URL holds them), and back. */
export const visibleLayers = (visibility: BoundaryVisibility): BoundaryLayer[] =>
  BOUNDARY_OPTIONS.map((o) => o.layer).filter((layer) => visibility[layer]);

export function visibilityOf(layers: readonly string[]): BoundaryVisibility {
  return {
    lad: layers.includes('lad'),
    pfa: layers.includes('pfa'),
    lsoa: layers.includes('lsoa'),
    partnership: layers.includes('partnership'),
  };
}
