import type { PickingInfo } from '@deck.gl/core';
import type { H3HexagonLayer } from '@deck.gl/geo-layers';
import type { SpaceTimeBody } from '../api';
import { tooltip } from '../map/cellsLayer';
import { createClassLayer } from '../map/classLayer';
import type { Rgba } from '../map/colourScale';
import type { SpaceTimeColour } from './SpaceTimeOptions';

export const SPACE_TIME_LAYER_ID = 'space-time-classes';

type SpaceTimeCell = SpaceTimeBody['cells'][number];

/** sfhotspot classes: hot reds, cold blues, mixed purple; no pattern unfilled. */
export const SFHOTSPOT_FILL: Record<string, Rgba> = {
  'persistent hotspot': [165, 0, 38, 210],
  'emerging hotspot': [244, 109, 67, 200],
  'intermittent hotspot': [253, 174, 97, 190],
  'former hotspot': [254, 224, 144, 180],
  'persistent coldspot': [49, 54, 149, 210],
  'emerging coldspot': [69, 117, 180, 200],
  'intermittent coldspot': [116, 173, 209, 190],
  'former coldspot': [224, 243, 248, 180],
  'mixed hot/coldspot': [118, 42, 131, 190],
  'no pattern': [0, 0, 0, 0],
};

/** EHSA patterns, strongest first; cold patterns in blue at the same strength. */
export const EHSA_PATTERNS = [
  'intensifying',
  'persistent',
  'consecutive',
  'new',
  'diminishing',
  'oscillating',
  'sporadic',
  'historical',
] as const;
const HOT_RAMP: Rgba[] = [
  [165, 0, 38, 210],
  [215, 48, 39, 205],
  [244, 109, 67, 200],
  [253, 174, 97, 195],
  [254, 224, 144, 190],
  [255, 200, 200, 185],
  [255, 230, 230, 180],
  [230, 210, 190, 180],
];
const COLD_RAMP: Rgba[] = HOT_RAMP.map(([r, g, b, a]) => [b, g, r, a]);

/** The label of a cell's EHSA pattern, or null. */
export const ehsaLabel = (cell: SpaceTimeCell) =>
  cell.emerging ? `${cell.emerging.pattern} ${cell.emerging.kind} spot` : null;

/** The fill of an EHSA pattern, hot or cold. */
export function ehsaFill(emerging: { kind: string; pattern: string } | null): Rgba {
  if (!emerging) return [0, 0, 0, 0];
  const i = EHSA_PATTERNS.indexOf(emerging.pattern as (typeof EHSA_PATTERNS)[number]);
  return (emerging.kind === 'hot' ? HOT_RAMP : COLD_RAMP)[i] ?? [0, 0, 0, 0];
}

/** The cells with a pattern or any incidents, filled by their sfhotspot class or EHSA pattern. */
export function createSpaceTimeLayer(body: SpaceTimeBody, colour: SpaceTimeColour): H3HexagonLayer<SpaceTimeCell> {
  return createClassLayer<SpaceTimeCell>(SPACE_TIME_LAYER_ID, body.cells, (cell) =>
    colour === 'emerging' ? ehsaFill(cell.emerging) : (SFHOTSPOT_FILL[cell.sfhotspot] ?? [0, 0, 0, 0]),
  );
}

export function spaceTimeTooltip(info: PickingInfo<SpaceTimeCell>) {
  const cell = info.object;
  if (!cell || info.layer?.id !== SPACE_TIME_LAYER_ID) return null;
  const counts = cell.counts.map((n) => (n === null ? 'withheld' : String(n))).join(', ');
  return tooltip(
    [
      `sfhotspot: ${cell.sfhotspot}`,
      `EHSA: ${ehsaLabel(cell) ?? 'no pattern'}`,
      `Counts by month: ${counts}`,
      `Cell ${cell.h3}`,
    ].join('\n'),
  );
}
