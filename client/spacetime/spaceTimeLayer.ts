import type { PickingInfo } from '@deck.gl/core';
import type { H3HexagonLayer } from '@deck.gl/geo-layers';
import type { SpaceTimeBody } from '../api';
import { tooltip } from '../map/cellsLayer';
import { createClassLayer } from '../map/classLayer';
import type { Rgba } from '../map/colourScale';
import type { SpaceTimeColour } from './SpaceTimeOptions';

export const SPACE_TIME_LAYER_ID = 'space-time-classes';

type SpaceTimeCell = SpaceTimeBody['cells'][number];

/**
 * sfhotspot classes: hot reds to yellow, cold deep blue to pale, mixed grey-purple; no pattern
 * unfilled. Adjusted from ColorBrewer's RdYlBu so every pair stays ≥ 10 CIEDE2000 apart under
 * protanopia, deuteranopia and tritanopia (test/client/palettes.test.ts).
 */
export const SFHOTSPOT_FILL: Record<string, Rgba> = {
  'persistent hotspot': [165, 0, 38, 210],
  'emerging hotspot': [229, 105, 37, 200],
  'intermittent hotspot': [255, 225, 0, 190],
  'former hotspot': [255, 254, 183, 180],
  'persistent coldspot': [37, 0, 150, 210],
  'emerging coldspot': [46, 86, 198, 200],
  'intermittent coldspot': [90, 170, 255, 190],
  'former coldspot': [225, 255, 255, 180],
  'mixed hot/coldspot': [96, 76, 91, 190],
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
// EHSA's sixteen patterns (8 hot, 8 cold) in EHSA_PATTERNS order: warm for hot, cool for cold,
// searched from a red and a blue ramp until every pair stays ≥ 10 CIEDE2000 apart under each
// colour-vision deficiency (a plain ramp put neighbouring patterns under 1 apart).
const HOT_RAMP: Rgba[] = [
  [165, 0, 38, 210],
  [215, 48, 39, 205],
  [155, 49, 106, 200],
  [245, 133, 34, 195],
  [255, 233, 97, 190],
  [231, 159, 166, 185],
  [214, 255, 188, 180],
  [169, 182, 111, 180],
];
const COLD_RAMP: Rgba[] = [
  [38, 0, 165, 210],
  [60, 24, 244, 205],
  [100, 68, 250, 200],
  [119, 122, 255, 195],
  [164, 115, 135, 190],
  [118, 171, 218, 185],
  [255, 255, 245, 180],
  [158, 238, 255, 180],
];

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
