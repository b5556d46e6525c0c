import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

import { expect } from 'vitest';

/** Debian's Chromium; browser tests are skipped where it is absent. */
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
      // WebGL without a GPU is SwiftShader, which newer Chromium only allows when asked.
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
    ],
  });
}

/**
 * Decodes a PNG inside the page (there is no PNG decoder in Node here) and counts yellow-to-red
 * pixels: the hexagon ramp. The base map, boundaries and place icons (blue, purple, grey, green)
 * have blue >= red or red < 150, so they never count.
 */
export async function warmPixels(page: Page, png: Buffer): Promise<{ pixels: number; colours: number }> {
  return page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context');
    context.drawImage(bitmap, 0, 0);
    const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
    let pixels = 0;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4) {
      const r = data[i]!;
      const g = data[i + 1]!;
      const b = data[i + 2]!;
      if (r > 150 && r - b > 40 && r >= g) {
        pixels++;
        colours.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
      }
    }
    return { pixels, colours: colours.size };
  }, png.toString('base64'));
}

/** The /api/cells body as the browser tests read it. */
export interface CellsResponse {
  threshold: number | null;
  cells: Array<{ h3: string; count: number | null; population?: number | null; rate?: number | null }>;
}

export async function cellsBody(response: { status(): number; json(): Promise<unknown> }): Promise<CellsResponse> {
  expect(response.status()).toBe(200);
  return (await response.json()) as CellsResponse;
}

/** Waits until the map reports it has drawn exactly this response's cells. */
export async function drawnMap(page: Page, body: CellsResponse) {
  const map = page.locator(`#map[data-status="ready"][data-cells-drawn="${body.cells.length}"]`);
  await map.waitFor({ timeout: 60_000 });
  return map;
}

/** Signs in through the real sign-in page, as a user would. */
export async function signInThroughPage(
  page: Page,
  url: string,
  user: { email: string; password: string },
): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('.user-bar').waitFor({ timeout: 30_000 });
}

/**
 * A page that records script errors and refuses (and records) every request off the test server:
 * the app must run air-gapped. Tests end by expecting `errors` to be empty.
 */
export async function airGappedPage(
  browser: Browser,
  serverUrl: string,
  viewport: { width: number; height: number },
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/*', (route) =>
    route.request().url().startsWith(serverUrl)
      ? route.continue()
      : (errors.push(`external request: ${route.request().url()}`), route.abort('blockedbyclient')),
  );
  return { page, errors };
}

/** Opens one of the map side panel's collapsible groups ("Area and data", "Map layers", ...) unless it is open. */
export async function openControls(page: Page, title: string): Promise<void> {
  const summary = page.locator('details.control-section > summary', { hasText: title });
  const open = await summary.evaluate((s) => (s.parentElement as HTMLDetailsElement).open);
  if (!open) await summary.click();
}
