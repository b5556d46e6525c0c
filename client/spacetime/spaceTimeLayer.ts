import type { PickingInfo } from '@deck.gl/core';
import type { H3HexagonLayer } from '@deck.gl/geo-layers';
import type { MessageKey, Translate } from '../../server/domain/i18n/translate';
import type { SpaceTimeBody } from '../api';
import { CLASS_FILL } from '../hotspots/hotspotColours';
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

/** The key of a cell's EHSA pattern (as the server names it), or null. */
export const ehsaLabel = (cell: SpaceTimeCell) =>
  cell.emerging ? `${cell.emerging.pattern} ${cell.emerging.kind} spot` : null;

const SFHOTSPOT_KEYS: Record<string, MessageKey> = {
  'persistent hotspot': 'spacetime.class.persistentHot',
  'emerging hotspot': 'spacetime.class.emergingHot',
  'intermittent hotspot': 'spacetime.class.intermittentHot',
  'former hotspot': 'spacetime.class.formerHot',
  'persistent coldspot': 'spacetime.class.persistentCold',
  'emerging coldspot': 'spacetime.class.emergingCold',
  'intermittent coldspot': 'spacetime.class.intermittentCold',
  'former coldspot': 'spacetime.class.formerCold',
  'mixed hot/coldspot': 'spacetime.class.mixed',
  'no pattern': 'spacetime.class.none',
};

/** An sfhotspot class in the interface language (the server's name where it is new). */
export const sfhotspotText = (t: Translate, label: string) =>
  SFHOTSPOT_KEYS[label] ? t(SFHOTSPOT_KEYS[label]) : label;

/** An EHSA pattern in the interface language, or "no pattern". */
export function ehsaText(t: Translate, emerging: { kind: string; pattern: string } | null): string {
  if (!emerging) return t('spacetime.class.none');
  const known = (EHSA_PATTERNS as readonly string[]).includes(emerging.pattern);
  const pattern = known ? t(`spacetime.pattern.${emerging.pattern}` as MessageKey) : emerging.pattern;
  return t(emerging.kind === 'hot' ? 'spacetime.ehsa.hot' : 'spacetime.ehsa.cold', { pattern });
}

/** The fill of an EHSA pattern, hot or cold. */
export function ehsaFill(emerging: { kind: string; pattern: string } | null): Rgba {
  if (!emerging) return [0, 0, 0, 0];
  const i = EHSA_PATTERNS.indexOf(emerging.pattern as (typeof EHSA_PATTERNS)[number]);
  return (emerging.kind === 'hot' ? HOT_RAMP : COLD_RAMP)[i] ?? [0, 0, 0, 0];
}

/**
 * The cells with a pattern or any incidents, filled by their sfhotspot class or EHSA pattern, or
 * (period: an index into body.periods) by that period's Gi* class in the hot spot map's colours.
 */
export function createSpaceTimeLayer(
  body: SpaceTimeBody,
  colour: SpaceTimeColour,
  period: number | null = null,
): H3HexagonLayer<SpaceTimeCell> {
  const fill = (cell: SpaceTimeCell): Rgba =>
    period !== null
      ? (CLASS_FILL[cell.classes[period] ?? 0] ?? [0, 0, 0, 0])
      : colour === 'emerging'
        ? ehsaFill(cell.emerging)
        : (SFHOTSPOT_FILL[cell.sfhotspot] ?? [0, 0, 0, 0]);
  // The same layer id and data with a new fill: deck.gl refills only when the trigger changes.
  return createClassLayer<SpaceTimeCell>(SPACE_TIME_LAYER_ID, body.cells, fill).clone({
    updateTriggers: { getFillColor: [colour, period] },
  });
}

export function spaceTimeTooltip(
  info: PickingInfo<SpaceTimeCell>,
  t: Translate,
  shown: { period: number; label: string; classLabel: (value: number) => string } | null = null,
) {
  const cell = info.object;
  if (!cell || info.layer?.id !== SPACE_TIME_LAYER_ID) return null;
  const counts = cell.counts.map((n) => (n === null ? t('spacetime.withheld') : String(n))).join(', ');
  const value = shown ? cell.classes[shown.period] : undefined;
  return tooltip(
    [
      ...(shown && value !== undefined && value !== null
        ? [t('spacetime.tooltip.periodClass', { period: shown.label, class: shown.classLabel(value) })]
        : []),
      t('spacetime.tooltip.sfhotspot', { class: sfhotspotText(t, cell.sfhotspot) }),
      t('spacetime.tooltip.ehsa', { pattern: ehsaText(t, cell.emerging) }),
      t('spacetime.tooltip.counts', { counts }),
      t('spacetime.tooltip.cell', { h3: cell.h3 }),
    ].join('\n'),
  );
}
