import type { PickingInfo } from '@deck.gl/core';
import { H3HexagonLayer } from '@deck.gl/geo-layers';
import type { TriangulationBody, TriangulationCell } from '../api';
import { tooltip } from '../map/cellsLayer';
import { createClassLayer } from '../map/classLayer';
import type { Rgba } from '../map/colourScale';
import type { MessageKey, Translate } from '../i18n/language';

export const BIVARIATE_LAYER_ID = 'triangulation-bivariate';

const hex = (h: string, alpha = 210): Rgba => [
  parseInt(h.slice(1, 3), 16),
  parseInt(h.slice(3, 5), 16),
  parseInt(h.slice(5, 7), 16),
  alpha,
];

/**
 * A 3 x 3 bivariate scheme: ED level down the rows (blue), police level across (orange), each
 * cell the two mixed by multiplying; no records unfilled. Blue against orange survives the three
 * common colour-vision deficiencies (Stevens' pink-blue scheme collapsed to blues under
 * deuteranopia); the lightnesses were searched for every pair to stay ≥ 10 CIEDE2000 apart under
 * each (test/client/palettes.test.ts).
 */
export const BIVARIATE: Rgba[][] = [
  [[0, 0, 0, 0], hex('#ffb355'), hex('#da7201')],
  [hex('#849ae7'), hex('#917755'), hex('#7c4c01')],
  [hex('#3f53d1'), hex('#45404d'), hex('#3b2901')],
];

export const LEVEL_LABELS = [
  'triangulation.level.none',
  'triangulation.level.low',
  'triangulation.level.high',
] as const satisfies readonly MessageKey[];

/**
 * The significant classes, outlined over the bivariate fill: magenta, bluish green and black tell apart under every colour-vision deficiency.
 * `labelKey` names the class in the interface's language.
 */
export const CLASS_STYLES = [
  {
    id: 'ed-excess',
    labelKey: 'triangulation.class.edExcess',
    line: [200, 0, 120, 255] as Rgba,
  },
  {
    id: 'police-excess',
    labelKey: 'triangulation.class.policeExcess',
    line: [0, 158, 115, 255] as Rgba,
  },
  {
    id: 'both-hot',
    labelKey: 'triangulation.class.bothHot',
    line: [20, 20, 20, 255] as Rgba,
  },
] as const satisfies readonly { id: string; labelKey: MessageKey; line: Rgba }[];

export function createBivariateLayer(body: TriangulationBody) {
  return createClassLayer<TriangulationCell>(
    BIVARIATE_LAYER_ID,
    body.cells,
    (cell) => BIVARIATE[cell.edLevel]![cell.policeLevel]!,
  );
}

/** Outlines of the cells in a significant class. */
export function createClassOutlines(body: TriangulationBody) {
  const line = new Map(CLASS_STYLES.map((s) => [s.id as string, s.line]));
  return new H3HexagonLayer<TriangulationCell>({
    id: 'triangulation-classes',
    data: body.cells.filter((cell) => cell.class !== null && line.has(cell.class)),
    getHexagon: (cell) => cell.h3,
    filled: false,
    stroked: true,
    extruded: false,
    getLineColor: (cell) => line.get(cell.class!)!,
    lineWidthUnits: 'pixels',
    getLineWidth: 2.5,
  });
}

export function triangulationTooltip(info: PickingInfo<TriangulationCell>, threshold: number | null, t: Translate) {
  const cell = info.object;
  if (!cell || info.layer?.id !== BIVARIATE_LAYER_ID) return null;
  const count = (n: number | null, what: string) =>
    n === null
      ? t('triangulation.tooltip.fewerThan', { what, k: threshold === null ? 'k' : String(threshold) })
      : t('triangulation.tooltip.count', { what, n });
  const cls = CLASS_STYLES.find((s) => s.id === cell.class)?.labelKey;
  return tooltip(
    [
      count(cell.police, t('triangulation.col.police')),
      count(cell.ed, t('triangulation.col.ed')),
      ...(cls ? [t(cls)] : []),
      t('triangulation.tooltip.cell', { h3: cell.h3 }),
    ].join('\n'),
  );
}
