import type { CompositeLayer, Layer, PickingInfo } from '@deck.gl/core';
import { H3HexagonLayer } from '@deck.gl/geo-layers';
import { getHexagonEdgeLengthAvg, UNITS } from 'h3-js';
import type { Cell, CellsBody } from '../api';
import { rateLines } from '../cells/rates';
import { COUNT_OUTLINE, countColour, SUPPRESSED_FILL, SUPPRESSED_OUTLINE } from './colourScale';

export const CELLS_LAYER_ID = 'hotspot-cells';

export function maxCount(cells: readonly Cell[]): number {
  let max = 0;
  for (const cell of cells) if (cell.count !== null && cell.count > max) max = cell.count;
  return max;
}

export function minCount(cells: readonly Cell[]): number {
  let min = Infinity;
  for (const cell of cells) if (cell.count !== null && cell.count < min) min = cell.count;
  return min;
}

export function countSuppressed(cells: readonly { count: number | null }[]): number {
  return cells.filter((cell) => cell.count === null).length;
}

/** Hexagon edges shorter than this on screen are drawn without outlines. */
const MIN_OUTLINED_EDGE_PX = 3;

/**
 * Whether a resolution's hexagons are large enough on screen, at this zoom and latitude, for
 * outlines to show as edges: smaller, the outlines (at least half a pixel each side) cover most
 * of the hexagon and hide its colour, and with software WebGL (virtual desktops with no GPU)
 * they cost three times the fill to draw.
 */
export function outlinesVisible(res: number, zoom: number, latitude: number): boolean {
  // Web Mercator with MapLibre's 512-pixel tiles: the Equator's 40,075 km over 512 * 2^zoom px.
  const metresPerPixel = (40_075_016.686 * Math.cos((latitude * Math.PI) / 180)) / (512 * 2 ** zoom);
  return getHexagonEdgeLengthAvg(res, UNITS.m) / metresPerPixel >= MIN_OUTLINED_EDGE_PX;
}

/** One flat hexagon per cell, coloured by count; suppressed cells blue-grey with a dark edge (when outlined). */
export function createCellsLayer(body: CellsBody, outlined = true): H3HexagonLayer<Cell> {
  const max = maxCount(body.cells);
  // Outlines in metres so they keep their share of the hexagon at every zoom and resolution.
  const edge = getHexagonEdgeLengthAvg(body.res, UNITS.m);
  return new H3HexagonLayer<Cell>({
    id: CELLS_LAYER_ID,
    data: body.cells,
    getHexagon: (cell) => cell.h3,
    extruded: false,
    filled: true,
    stroked: outlined,
    getFillColor: (cell) => (cell.count === null ? SUPPRESSED_FILL : countColour(cell.count, max)),
    getLineColor: (cell) => (cell.count === null ? SUPPRESSED_OUTLINE : COUNT_OUTLINE),
    getLineWidth: (cell) => (cell.count === null ? 0.22 * edge : 0.05 * edge),
    lineWidthUnits: 'meters',
    lineWidthMinPixels: 0.5,
    lineWidthMaxPixels: 2.5,
    pickable: true,
    autoHighlight: true,
    highlightColor: [20, 30, 60, 90],
  });
}

/**
 * How many hexagons the layer actually submitted for drawing, or null while it has not been
 * initialised by deck.gl yet. H3HexagonLayer renders one instanced ColumnLayer (one instance per
 * hexagon) or, near the poles or across resolutions, a PolygonLayer over the same data.
 */
export function drawnHexagons(layer: Layer): number | null {
  if (!layer.internalState || !layer.isLoaded) return null;
  // A plain layer (a scatterplot of places) draws its own instances; a composite one, its sublayers'.
  if (!layer.isComposite) return layer.getNumInstances();
  const sublayers = (layer as CompositeLayer).getSubLayers();
  if (sublayers.length === 0) return (layer.props.data as readonly unknown[]).length === 0 ? 0 : null;
  let drawn = 0;
  for (const sublayer of sublayers) {
    drawn += sublayer.isComposite ? (sublayer.props.data as readonly unknown[]).length : sublayer.getNumInstances();
  }
  return drawn;
}

export function cellTooltip(info: PickingInfo<Cell>, threshold: number | null) {
  const cell = info.object;
  if (!cell || info.layer?.id !== CELLS_LAYER_ID) return null;
  const count =
    cell.count === null
      ? threshold === null
        ? 'Suppressed (too few to show)'
        : `Fewer than ${threshold} (suppressed)`
      : `${cell.count.toLocaleString('en-GB')} ${cell.count === 1 ? 'incident' : 'incidents'}`;
  return tooltip([count, ...rateLines(cell), `Cell ${cell.h3}`].join('\n'));
}

/** deck.gl tooltip content in the map's tooltip style. */
export function tooltip(text: string) {
  return {
    text,
    className: 'map-tooltip',
    style: {
      color: '#ffffff',
      backgroundColor: 'rgba(31, 41, 51, 0.92)',
      fontSize: '13px',
      borderRadius: '4px',
      padding: '6px 8px',
      maxWidth: '320px',
    },
  };
}
