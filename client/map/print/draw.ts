import { cssColour } from '../colourScale';
import type { PrintLayout, TextRun } from './layout';

const INK = '#1b2430';

/** Sets the canvas font for a text run (system fonts: the app loads no web fonts). */
export function setFont(ctx: CanvasRenderingContext2D, size: number, bold = false): void {
  ctx.font = `${bold ? 'bold ' : ''}${size}px sans-serif`;
}

function text(ctx: CanvasRenderingContext2D, run: TextRun): void {
  setFont(ctx, run.size, run.bold);
  ctx.fillStyle = INK;
  ctx.fillText(run.text, run.x, run.y);
}

/** Draws a composed layout: white page, the map's canvases, then the furniture over and under it. */
export function drawPrint(
  ctx: CanvasRenderingContext2D,
  layout: PrintLayout,
  layers: readonly CanvasImageSource[],
): void {
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, layout.width, layout.height);
  const { map } = layout;
  for (const layer of layers) ctx.drawImage(layer, map.x, map.y, map.width, map.height);
  ctx.strokeStyle = '#8895a7';
  ctx.lineWidth = Math.max(1, Math.round(map.width / 1500));
  ctx.strokeRect(map.x, map.y, map.width, map.height);
  text(ctx, layout.title);

  // North arrow: a white disc, a triangle turned against the map's bearing, and "N".
  const { box, bearing } = layout.northArrow;
  const r = box.width / 2;
  ctx.save();
  ctx.translate(box.x + r, box.y + r);
  ctx.fillStyle = 'rgba(255, 255, 255, 0.9)';
  ctx.beginPath();
  ctx.arc(0, 0, r, 0, 2 * Math.PI);
  ctx.fill();
  ctx.rotate((-bearing * Math.PI) / 180);
  ctx.fillStyle = INK;
  ctx.beginPath();
  ctx.moveTo(0, -r * 0.85);
  ctx.lineTo(r * 0.35, r * 0.1);
  ctx.lineTo(-r * 0.35, r * 0.1);
  ctx.closePath();
  ctx.fill();
  setFont(ctx, Math.round(r * 0.6), true);
  ctx.textAlign = 'center';
  ctx.fillText('N', 0, r * 0.75);
  ctx.restore();

  // Scale bar on white, half black and half white so its length reads on any background.
  const { scaleBar } = layout;
  ctx.fillStyle = 'rgba(255, 255, 255, 0.9)';
  ctx.fillRect(scaleBar.box.x, scaleBar.box.y, scaleBar.box.width, scaleBar.box.height);
  const { bar } = scaleBar;
  ctx.fillStyle = INK;
  ctx.fillRect(bar.x, bar.y, bar.width / 2, bar.height);
  ctx.strokeStyle = INK;
  ctx.strokeRect(bar.x, bar.y, bar.width, bar.height);
  text(ctx, scaleBar.label);

  // Legend: title, then each swatch (unfilled classes as an outline only) and its label.
  text(ctx, layout.legend.title);
  for (const item of layout.legend.items) {
    const { swatch } = item;
    if (item.fill) {
      ctx.fillStyle = cssColour(item.fill);
      ctx.fillRect(swatch.x, swatch.y, swatch.width, swatch.height);
    }
    ctx.strokeStyle = item.outline ? cssColour(item.outline) : '#8895a7';
    ctx.strokeRect(swatch.x, swatch.y, swatch.width, swatch.height);
    text(ctx, item.label);
  }
  for (const run of layout.caption) text(ctx, run);
}
