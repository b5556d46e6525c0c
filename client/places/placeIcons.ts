import type { IconLayerProps } from '@deck.gl/layers';
import { SHAPE_PATHS, type PlaceStyle } from './placeStyles';

type IconMapping = Exclude<NonNullable<IconLayerProps['iconMapping']>, string>;

/** Pixels per icon cell in the atlas (drawn large, shown small, so edges stay smooth). */
const CELL = 64;

export interface IconAtlas {
  /** PNG data URL: made in the page, so nothing is fetched from the network. */
  url: string;
  mapping: IconMapping;
}

const atlases = new Map<string, IconAtlas>();

/** An icon atlas holding one icon per style, drawn on a canvas (cached per set of styles). */
export function iconAtlas(styles: readonly PlaceStyle[]): IconAtlas {
  const id = styles.map((s) => `${s.key}:${s.shape}:${s.fill}:${s.outline}`).join('|');
  const cached = atlases.get(id);
  if (cached) return cached;
  const canvas = document.createElement('canvas');
  canvas.width = CELL * Math.max(1, styles.length);
  canvas.height = CELL;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas for the place icons');
  const mapping: IconMapping = {};
  styles.forEach((style, i) => {
    drawShape(context, style, i * CELL);
    mapping[style.key] = {
      x: i * CELL,
      y: 0,
      width: CELL,
      height: CELL,
      anchorX: CELL / 2,
      anchorY: CELL / 2,
      mask: false,
    };
  });
  const atlas = { url: canvas.toDataURL('image/png'), mapping };
  atlases.set(id, atlas);
  return atlas;
}

function drawShape(context: CanvasRenderingContext2D, style: PlaceStyle, left: number) {
  const path = new Path2D(SHAPE_PATHS[style.shape]);
  const scale = (CELL - 8) / 24;
  context.save();
  context.translate(left + 4, 4);
  context.scale(scale, scale);
  context.lineJoin = 'round';
  // White halo, then the fill and a dark outline.
  context.strokeStyle = 'rgba(255, 255, 255, 0.95)';
  context.lineWidth = 3.2;
  context.stroke(path);
  context.fillStyle = style.fill;
  context.fill(path);
  context.strokeStyle = style.outline;
  context.lineWidth = 1.6;
  context.stroke(path);
  context.restore();
}
