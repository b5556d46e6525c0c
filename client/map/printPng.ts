import type { MapboxOverlay } from '@deck.gl/mapbox';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { api, okJson } from '../api';

/** 300 dots per inch against the CSS reference pixel (96 per inch). */
export const PRINT_SCALE = 300 / 96;

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * The map as drawn, at print resolution, as a PNG: the base map and the deck.gl hexagons redrawn
 * at `scale` device pixels per CSS pixel, composited with a caption line (system font: the app
 * loads no web fonts), then the screen resolution restored. Both canvases keep their drawing
 * buffer (MapLibre's preserveDrawingBuffer; deck.gl's by default), so they can be read back.
 */
export async function mapToPng(
  map: MapLibreMap,
  overlay: MapboxOverlay,
  caption: string,
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
    const band = Math.round(28 * scale);
    const out = document.createElement('canvas');
    out.width = base.width;
    out.height = base.height + band;
    const ctx = out.getContext('2d')!;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(base, 0, 0);
    if (hexagons) ctx.drawImage(hexagons, 0, 0, base.width, base.height);
    ctx.fillStyle = '#1b2430';
    ctx.font = `${Math.round(12 * scale)}px sans-serif`;
    ctx.fillText(
      caption,
      Math.round(8 * scale),
      base.height + Math.round(19 * scale),
      out.width - Math.round(16 * scale),
    );
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
