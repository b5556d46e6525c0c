import type { PickingInfo } from '@deck.gl/core';
import type { CrossBorderBody, CrossBorderCell, Vocabulary } from '../api';
import { createClassLayer } from '../map/classLayer';
import { tooltip } from '../map/cellsLayer';
import type { Rgba } from '../map/colourScale';
import { hotspotClassLabel } from '../reference/vocabulary';

export const CROSS_BORDER_LAYER_ID = 'cross-border-patterns';

/** Hot only when combined at a boundary stands out (purple); elsewhere pale lilac; hot both ways red; hot alone only pale orange. */
export const PATTERN_STYLES: { pattern: CrossBorderCell['pattern']; label: string; fill: Rgba }[] = [
  {
    pattern: 'cross-border',
    label: 'Hot spot only when the areas are combined, at a boundary',
    fill: [118, 42, 131, 220],
  },
  {
    pattern: 'combined-only',
    label: 'Hot spot only combined, away from a boundary (wider-region baseline)',
    fill: [201, 180, 214, 170],
  },
  { pattern: 'both', label: 'Hot spot combined and alone', fill: [215, 48, 39, 190] },
  { pattern: 'alone-only', label: 'Hot spot alone, not when combined', fill: [253, 174, 97, 170] },
];

const NONE: Rgba = [0, 0, 0, 0];
const fillOf = new Map(PATTERN_STYLES.map((s) => [s.pattern, s.fill]));

export function createCrossBorderLayer(body: CrossBorderBody) {
  return createClassLayer<CrossBorderCell>(
    CROSS_BORDER_LAYER_ID,
    body.cells,
    (cell) => fillOf.get(cell.pattern) ?? NONE,
  );
}

export function crossBorderTooltip(
  info: PickingInfo<CrossBorderCell>,
  names: ReadonlyMap<string, string>,
  threshold: number | null,
  classes: Vocabulary['hotspotClasses'],
) {
  const classLabel = (c: number | null) => (c === null ? 'withheld' : hotspotClassLabel(classes, c).toLowerCase());
  const cell = info.object;
  if (!cell || info.layer?.id !== CROSS_BORDER_LAYER_ID) return null;
  const count =
    cell.count === null
      ? `Fewer than ${threshold ?? 'k'} (suppressed)`
      : `${cell.count.toLocaleString('en-GB')} incidents`;
  return tooltip(
    [
      names.get(cell.area) ?? cell.area,
      `Combined: ${classLabel(cell.class)}`,
      `Alone: ${classLabel(cell.aloneClass)}`,
      count,
      ...(cell.border ? ['On the boundary'] : []),
      `Cell ${cell.h3}`,
    ].join('\n'),
  );
}
