import type { PickingInfo } from '@deck.gl/core';
import type { H3HexagonLayer } from '@deck.gl/geo-layers';
import type { HotspotCell, HotspotsBody, Vocabulary } from '../api';
import { tooltip } from '../map/cellsLayer';
import { createClassLayer } from '../map/classLayer';
import { hotspotClassLabel } from '../reference/vocabulary';
import { CLASS_FILL } from './hotspotColours';

export const HOTSPOT_LAYER_ID = 'hotspot-classes';

/** Every cell of the study region, filled by its Gi* class (not significant cells unfilled). */
export function createHotspotLayer(body: HotspotsBody): H3HexagonLayer<HotspotCell> {
  return createClassLayer<HotspotCell>(
    HOTSPOT_LAYER_ID,
    body.cells,
    (cell) => CLASS_FILL[cell.class ?? 0] ?? CLASS_FILL[0]!,
  );
}

export function hotspotTooltip(
  info: PickingInfo<HotspotCell>,
  threshold: number | null,
  classes: Vocabulary['hotspotClasses'],
) {
  const cell = info.object;
  if (!cell || info.layer?.id !== HOTSPOT_LAYER_ID) return null;
  const label = cell.class === null ? 'Class withheld (data too sparse)' : hotspotClassLabel(classes, cell.class);
  const count =
    cell.count === null
      ? `Fewer than ${threshold ?? 'k'} (suppressed)`
      : `${cell.count.toLocaleString('en-GB')} incidents`;
  // Restricted data: z comes rounded to 0.5 and no p (see the API's disclosure rules).
  const stats =
    cell.z === null
      ? []
      : cell.q === null
        ? [`Gi* z ≈ ${cell.z.toFixed(1)} (rounded)`]
        : [`Gi* z = ${cell.z.toFixed(2)}, adjusted p = ${cell.q < 0.001 ? '< 0.001' : cell.q.toFixed(3)}`];
  return tooltip([label, count, ...stats, `Cell ${cell.h3}`].join('\n'));
}
