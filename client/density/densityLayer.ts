import type { PickingInfo } from '@deck.gl/core';
import type { H3HexagonLayer } from '@deck.gl/geo-layers';
import { createClassLayer } from '../map/classLayer';
import type { DensityBody, DensityCell } from '../api';
import { tooltip } from '../map/cellsLayer';
import { BAND_FILL, BAND_LABELS } from './densityColours';

export const DENSITY_LAYER_ID = 'density-bands';

/** Every cell of the area, filled by its density quintile band. */
export function createDensityLayer(body: DensityBody): H3HexagonLayer<DensityCell> {
  return createClassLayer(DENSITY_LAYER_ID, body.cells, (cell) => BAND_FILL[cell.band] ?? BAND_FILL[0]!);
}

export function densityTooltip(info: PickingInfo<DensityCell>) {
  const cell = info.object;
  if (!cell || info.layer?.id !== DENSITY_LAYER_ID) return null;
  const value = cell.density === null ? [] : [`${cell.density.toFixed(1)} incidents per km²`];
  return tooltip([BAND_LABELS[cell.band] ?? '', ...value, `Cell ${cell.h3}`].join('\n'));
}
