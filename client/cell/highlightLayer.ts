import { H3HexagonLayer } from '@deck.gl/geo-layers';

export const HIGHLIGHT_LAYER_ID = 'selected-cell';

/**
 * The open cell's outline over the hexagons: thick and dark with a white halo, so it shows on
 * every fill of every view (counts, Gi* classes, density, space-time).
 */
export function createHighlightLayer(h3: string) {
  const data = [{ h3 }];
  const outline = (id: string, colour: [number, number, number, number], width: number) =>
    new H3HexagonLayer<{ h3: string }>({
      id,
      data,
      getHexagon: (d) => d.h3,
      filled: false,
      stroked: true,
      extruded: false,
      getLineColor: colour,
      lineWidthUnits: 'pixels',
      getLineWidth: width,
      highPrecision: true,
      pickable: false,
    });
  return [
    outline(`${HIGHLIGHT_LAYER_ID}-halo`, [255, 255, 255, 230], 7),
    outline(HIGHLIGHT_LAYER_ID, [17, 24, 39, 255], 3.5),
  ];
}
