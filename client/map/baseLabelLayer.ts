import { CollisionFilterExtension, type CollisionFilterExtensionProps } from '@deck.gl/extensions';
import { TextLayer } from '@deck.gl/layers';
import type { BaseLabels } from './baseMapApi';

type Label = BaseLabels['labels'][number];
type Rgba = [number, number, number, number];

/** Served by the app from @fontsource/noto-sans (SIL Open Font Licence), imported in useBaseMap.ts. */
export const LABEL_FONT = '"Noto Sans", sans-serif';

/**
 * How each kind of name looks: places dark and larger by importance, council names spaced
 * capitals, postcode sectors in a muted violet so they are not read as places, LSOA and setting
 * names small and grey.
 */
const STYLE: Record<Label['kind'], { size: number; colour: Rgba; upper?: boolean }> = {
  city: { size: 18, colour: [20, 26, 33, 255] },
  town: { size: 15, colour: [31, 41, 51, 255] },
  village: { size: 13, colour: [52, 62, 72, 255] },
  lad: { size: 13, colour: [82, 96, 109, 255], upper: true },
  sector: { size: 12.5, colour: [88, 60, 130, 255] },
  lsoa: { size: 12, colour: [72, 84, 97, 255] },
  school: { size: 12, colour: [40, 70, 60, 255] },
  pub: { size: 12, colour: [100, 60, 30, 255] },
};

const BOLD = new Set<Label['kind']>(['city', 'town']);

const textOf = (l: Label) => (STYLE[l.kind].upper ? l.text.toUpperCase() : l.text);

/**
 * The offline base map's names, drawn by deck.gl above the hexagons with a white halo, so they
 * stay readable over any colour. Where two would overlap the higher-ranked one is kept (GPU
 * collision test), so a county view shows the cities and big towns, not a heap of villages.
 */
export function baseLabelLayer(labels: readonly Label[], id = 'base-labels'): TextLayer<Label>[] {
  const layer = (weight: 'bold' | 'normal') =>
    new TextLayer<Label, CollisionFilterExtensionProps<Label>>({
      id: `${id}-${weight}`,
      data: labels.filter((l) => BOLD.has(l.kind) === (weight === 'bold')),
      getPosition: (l) => [l.lon, l.lat],
      getText: textOf,
      getSize: (l) => STYLE[l.kind].size,
      getColor: (l) => STYLE[l.kind].colour,
      fontFamily: LABEL_FONT,
      // Semibold at least: a regular 12 px stroke is thinner than the halo's blur.
      fontWeight: weight === 'bold' ? 700 : 600,
      characterSet: 'auto',
      // A halo thinner than a small letter's strokes, so 12 px names stay dark.
      fontSettings: { sdf: true, fontSize: 64, buffer: 8, radius: 16 },
      outlineWidth: 1.5,
      outlineColor: [255, 255, 255, 235],
      getTextAnchor: 'middle',
      getAlignmentBaseline: 'center',
      pickable: false,
      // Ranks are 0-799, inside the extension's -1000..1000.
      getCollisionPriority: (l) => l.rank,
      // Test a box a little larger than the text, so kept names do not touch.
      collisionTestProps: { sizeScale: 1.5 },
      collisionGroup: 'base-labels',
      extensions: [new CollisionFilterExtension()],
    });
  return [layer('normal'), layer('bold')];
}
