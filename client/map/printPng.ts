import type { MapboxOverlay } from '@deck.gl/mapbox';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { api, okJson } from '../api';
import { drawPrint, setFont } from './print/draw';
import { printLayout } from './print/layout';
import type { PrintSpec } from './print/printKey';
import { metresPerPixel, scaleBar } from './print/scaleBar';

/** 300 dots per inch against the CSS reference pixel (96 per inch). */
export const PRINT_SCALE = 300 / 96;

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * The map as drawn, at print resolution, as a PNG: the base map and the deck.gl hexagons redrawn
 * at `scale` device pixels per CSS pixel, composed with a title, north arrow, scale bar, legend
 * and caption (print/layout.ts), then the screen resolution restored. Both canvases keep their
 * drawing buffer (MapLibre's preserveDrawingBuffer; deck.gl's by default), so they can be read back.
 */
export async function mapToPng(
  map: MapLibreMap,
  overlay: MapboxOverlay,
  spec: PrintSpec,
  scale = PRINT_SCALE,
): Promise<Blob> {
  const previous = map.getPixelRatio();
  map.setPixelRatio(scale);
  overlay.setProps({ useDevicePixels: scale });
  try {
    await new Promise<void>((resolve) => {
      map.once('idle', () => resolve());
      map.triggerRepaint();
    });
    await nextFrame();
    await nextFrame();
    const base = map.getCanvas();
    const hexagons = overlay.getCanvas();
    const out = document.createElement('canvas');
    const ctx = out.getContext('2d')!;
    const { lat } = map.getCenter();
    const layout = printLayout({
      map: { width: base.width, height: base.height },
      scale,
      title: spec.title ?? spec.caption.split(':')[0]!,
      caption: spec.caption,
      key: spec.key ?? null,
      scaleBar: scaleBar(metresPerPixel(lat, map.getZoom()), base.width / scale / 5),
      bearing: map.getBearing(),
      measure: (text, size, bold) => {
        setFont(ctx, size, bold);
        return ctx.measureText(text).width;
      },
    });
    out.width = layout.width;
    out.height = layout.height;
    drawPrint(ctx, layout, hexagons ? [base, hexagons] : [base]);
    return await new Promise<Blob>((resolve, reject) =>
      out.toBlob((b) => (b ? resolve(b) : reject(new Error('the map could not be drawn as PNG'))), 'image/png'),
    );
  } finally {
    map.setPixelRatio(previous);
    overlay.setProps({ useDevicePixels: true });
  }
}

/** Offers a blob to the user as a download. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Every export is audited: a map image made in the browser is recorded with what it shows. */
export async function recordExport(view: string): Promise<void> {
  await okJson(api.api.exports.$post({ json: { format: 'map.png', view: view.slice(0, 2000) } }));
}
