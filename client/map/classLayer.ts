import { H3HexagonLayer } from '@deck.gl/geo-layers';
import type { Rgba } from './colourScale';

/** Every cell of an area filled by a class (hot-spot class, density band): flat, unstroked, pickable. */
export function createClassLayer<T extends { h3: string }>(
  id: string,
  cells: readonly T[],
  fill: (cell: T) => Rgba,
): H3HexagonLayer<T> {
  return new H3HexagonLayer<T>({
    id,
    data: cells,
    getHexagon: (cell) => cell.h3,
    extruded: false,
    filled: true,
    stroked: false,
    getFillColor: fill,
    pickable: true,
    autoHighlight: true,
    highlightColor: [20, 30, 60, 90],
  });
}
