/**
 * End-to-end: the map page's "Save map as PNG" in headless Chromium against the real API
 * (PGlite, real Gwent months): the image carries, besides the map, a title, a legend with the
 * map's colours, a scale bar, a north arrow and the caption with sources and attribution.
 */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  airGappedPage,
  cellsBody,
  drawnMap,
  hasChromium,
  launchChromium,
  signInThroughPage,
} from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const PRINT_SCALE = 300 / 96;

/** Pixel statistics of rectangles of a PNG, decoded in the page (no PNG decoder in Node here). */
function regions(page: Page, png: Buffer, boxes: Record<string, [number, number, number, number]>) {
  return page.evaluate(
    async ([base64, rects]) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const out: Record<string, { dark: number; warm: number; notWhite: number }> = {};
      for (const [name, [x, y, w, h]] of Object.entries(rects)) {
        const { data } = context.getImageData(x, y, w, h);
        let dark = 0;
        let warm = 0;
        let notWhite = 0;
        for (let i = 0; i < data.length; i += 4) {
          const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
          if (r < 80 && g < 80 && b < 80) dark++;
          if (r > 150 && r - b > 40 && r >= g) warm++;
          if (r < 245 || g < 245 || b < 245) notWhite++;
        }
        out[name] = { dark, warm, notWhite };
      }
      return { width: bitmap.width, height: bitmap.height, regions: out };
    },
    [png.toString('base64'), boxes] as const,
  );
}

describe.skipIf(!hasChromium)('saved map image', () => {
  let browser: Browser;
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('carries a title, legend, scale bar, north arrow and caption around the map', async () => {
    const { page, errors } = await airGappedPage(browser, server.url, { width: 1280, height: 800 });
    const cellsResponse = page.waitForResponse((r) => r.url().includes('/api/cells?'));
    await signInThroughPage(page, server.url, server.analyst);
    await drawnMap(page, await cellsBody(await cellsResponse));
    const mapBox = (await page.locator('#map').boundingBox())!;

    const download = page.waitForEvent('download');
    const exported = page.waitForResponse((r) => r.url().endsWith('/api/exports') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Save map as PNG (print resolution)' }).click();
    const png = readFileSync((await (await download).path())!);
    expect((await exported).status()).toBeLessThan(300);
    await mkdir(ARTIFACTS, { recursive: true });
    await writeFile(`${ARTIFACTS}saved-map.png`, png);

    const mapWidth = Math.round(mapBox.width * PRINT_SCALE);
    const mapHeight = Math.round(mapBox.height * PRINT_SCALE);
    const px = (css: number) => Math.round(css * PRINT_SCALE);
    const titleBand = px(32); // the layout's title band: 16 px type and 8 px margins
    const below = titleBand + mapHeight;
    const stats = await regions(page, png, {
      title: [px(8), px(4), px(300), px(22)],
      northArrow: [mapWidth - px(44), titleBand + px(10), px(34), px(34)],
      scaleBar: [px(10), below - px(40), px(60), px(30)],
      legend: [0, below + px(4), mapWidth, px(40)],
    });
    // 300 dpi wide; taller than the map by the title band, legend and caption.
    expect(Math.abs(stats.width - mapWidth)).toBeLessThan(10);
    expect(stats.height).toBeGreaterThan(mapHeight + px(80));
    // Type in the title band; the arrow and the half-black scale bar in their corners.
    expect(stats.regions.title!.dark).toBeGreaterThan(200);
    expect(stats.regions.northArrow!.dark).toBeGreaterThan(300);
    expect(stats.regions.scaleBar!.dark).toBeGreaterThan(300);
    // The legend's yellow-to-red swatches and its labels, under the map.
    expect(stats.regions.legend!.warm).toBeGreaterThan(5 * px(12) * px(12) * 0.8);
    expect(stats.regions.legend!.dark).toBeGreaterThan(200);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
