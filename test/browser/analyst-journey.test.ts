/**
 * The analyst's journey, end to end in Chromium against the built client and the real API
 * (PGlite, real Gwent police.uk months): sign in, choose the area, find a hot cell in the
 * priority table, open it (mouse, then keyboard), see the map fly there with the cell outlined
 * and its panel with real counts by month, LSOA and nearest settings, copy a link that reopens
 * the same view, and save the map as a PNG.
 */
import { mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cellToBoundary, cellToLatLng } from 'h3-js';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, openControls, signInThroughPage } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

interface DetailBody {
  h3: string;
  count: number | null;
  lsoa: { code: string; name: string | null } | null;
  months: { month: string; covered: boolean; count: number | null }[];
  nearest: { name: string; distance: number }[];
}

/** Where the map looks, read from MapLibre itself (the map's test hook). */
const mapView = (page: Page) =>
  page.evaluate(() => {
    const map = window.__hotspotMap!;
    return { lat: map.getCenter().lat, lng: map.getCenter().lng, zoom: map.getZoom() };
  });

/** Near-black pixels (the open cell's outline) in a strip of the page across the cell, edge to edge. */
async function outlinePixelsAcross(page: Page, strip: { x: number; y: number; width: number }): Promise<number> {
  const png = await page.screenshot({ clip: { ...strip, height: 6 } });
  return page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 45 && data[i + 1]! < 50 && data[i + 2]! < 70) dark++;
    return dark;
  }, png.toString('base64'));
}

describe.skipIf(!hasChromium)('the analyst journey in the browser', () => {
  let browser: Browser;
  let server: TestServer;
  let context: BrowserContext;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    server = await startTestServer();
    context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    // Air-gapped: anything not served by the test server is refused and reported.
    await context.route('**/*', (route) => {
      if (route.request().url().startsWith(server.url)) return route.continue();
      errors.push(`external request: ${route.request().url()}`);
      return route.abort('blockedbyclient');
    });
  }, 120_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('area → hot cell in the priority table → map and cell panel → shared link → PNG', async () => {
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await signInThroughPage(page, server.url, server.analyst);

    // Choose the area: Newport's community safety partnership.
    const newport = page.locator('#partnership option', { hasText: /^Newport/ }).first();
    const newportId = await newport.getAttribute('value');
    const summary = page.waitForResponse(
      (r) => r.url().includes(`/api/areas/partnership:${newportId}/summary`) && r.status() === 200,
    );
    await openControls(page, 'Area and data');
    await page.locator('#partnership').selectOption(newportId!);
    await summary;
    await page.locator('#map[data-status="ready"]').waitFor({ timeout: 60_000 });

    // The priority table lists hot cells; the first is the one to look at.
    const row = page.locator('table.priority-table tbody tr').first();
    await row.waitFor();
    const h3 = (await row.getAttribute('data-h3'))!;
    const rowCount = Number((await row.locator('td').nth(3).innerText()).replace(/,/g, ''));
    const before = await mapView(page);
    const detailResponse = page.waitForResponse((r) => r.url().includes(`/api/cells/${h3}/detail?`));
    await row.click();
    const response = await detailResponse;
    expect(response.status()).toBe(200);
    const detail = (await response.json()) as DetailBody;

    // The URL holds the open cell, so the link can be shared.
    expect(new URL(page.url()).searchParams.get('cell')).toBe(h3);

    // The map flies to the cell: zoomed in from the area's view, the cell in sight left of its panel.
    const [lat, lng] = cellToLatLng(h3);
    const mapBox = (await page.locator('#map').boundingBox())!;
    await expect
      .poll(
        async () => {
          const v = await mapView(page);
          const at = await page.evaluate(([la, ln]) => window.__hotspotMap!.project([ln!, la!]), [lat, lng]);
          const panelBox = await page.locator('.cell-panel').boundingBox();
          const visible = at.x > 20 && at.y > 20 && at.y < mapBox.height - 20;
          const clearOfPanel = panelBox !== null && mapBox.x + at.x < panelBox.x - 20;
          return v.zoom > before.zoom + 1 && visible && clearOfPanel;
        },
        { timeout: 15_000 },
      )
      .toBe(true);

    // The panel: real counts month by month adding up to the cell's count, its LSOA, nearest settings.
    const panel = page.locator(`.cell-panel[data-h3="${h3}"]`);
    await panel.getByText('Counts by month').waitFor();
    expect(detail.count).toBe(rowCount);
    expect(detail.months.map((m) => m.month)).toEqual(['2024-01', '2024-02']);
    expect(detail.months.reduce((a, m) => a + (m.count ?? 0), 0)).toBe(rowCount);
    const chart = panel.locator('svg.series-chart');
    expect(await chart.getAttribute('aria-label')).toBe(
      `Counts per period: Jan 24: ${detail.months[0]!.count}; Feb 24: ${detail.months[1]!.count}`,
    );
    expect(detail.lsoa?.name).toMatch(/^Newport \d{3}[A-Z]$/);
    await expect.poll(() => panel.locator('.cell-place').innerText()).toContain(`LSOA ${detail.lsoa!.name}`);
    expect(detail.nearest.length).toBeGreaterThan(0);
    await expect.poll(() => panel.locator('.cell-nearest').innerText()).toContain(detail.nearest[0]!.name);
    await expect.poll(() => row.getAttribute('aria-current')).toBe('true');

    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}cell-panel.png` });

    // The cell is outlined on the map: dark outline pixels around its centre.
    await page.locator('#map[data-status="ready"]').waitFor();
    const box = (await page.locator('#map').boundingBox())!;
    const xs = await page.evaluate(
      (ring) => ring.map(([la, ln]) => window.__hotspotMap!.project([ln!, la!]).x),
      cellToBoundary(h3),
    );
    const [y] = await page.evaluate(([la, ln]) => [window.__hotspotMap!.project([ln!, la!]).y], [lat, lng]);
    const strip = { x: box.x + Math.min(...xs) - 8, y: box.y + y! - 3, width: Math.max(...xs) - Math.min(...xs) + 16 };
    // Both edges of the outline cross the strip: several pixels each across 6 rows.
    await expect.poll(() => outlinePixelsAcross(page, strip), { timeout: 10_000 }).toBeGreaterThan(12);

    // Keyboard: the next row, chosen with Enter, opens its cell instead.
    const second = page.locator('table.priority-table tbody tr').nth(1);
    const secondH3 = (await second.getAttribute('data-h3'))!;
    await second.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('cell')).toBe(secondH3);
    await panel.waitFor({ state: 'detached' });
    await page.locator(`.cell-panel[data-h3="${secondH3}"]`).getByText('Counts by month').waitFor();

    // Escape closes the panel; a click on a hexagon of the map opens that cell's panel.
    await page.getByRole('button', { name: 'Close the cell panel' }).focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => new URL(page.url()).searchParams.get('cell')).toBeNull();
    await page.locator('.cell-panel').waitFor({ state: 'detached' });
    const here = await page.evaluate(([la, ln]) => window.__hotspotMap!.project([ln!, la!]), cellToLatLng(h3));
    await page.mouse.click(box.x + here.x, box.y + here.y);
    await expect.poll(() => new URL(page.url()).searchParams.get('cell')).toBe(h3);
    await page.locator(`.cell-panel[data-h3="${h3}"]`).getByText('Counts by month').waitFor();

    // Copy link: the view goes into the address (and the clipboard), and reopens for a colleague.
    await page.locator('#map[data-status="ready"]').waitFor();
    await page.getByRole('button', { name: 'Copy link to this view' }).click();
    await page.getByRole('button', { name: 'Link copied' }).waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(page.url());
    const shared = new URL(link);
    expect(shared.searchParams.get('area')).toBe(`partnership:${newportId}`);
    expect(shared.searchParams.get('cell')).toBe(h3);
    const at = shared.searchParams.get('at')!.split(',').map(Number);
    const colleague = await context.newPage();
    colleague.on('pageerror', (error) => errors.push(error.message));
    await colleague.goto(link);
    await colleague.locator(`.cell-panel[data-h3="${h3}"]`).getByText('Counts by month').waitFor({ timeout: 30_000 });
    await colleague.locator('#map[data-status="ready"]').waitFor({ timeout: 60_000 });
    const reopened = await mapView(colleague);
    expect(reopened.lat).toBeCloseTo(at[0]!, 3);
    expect(reopened.lng).toBeCloseTo(at[1]!, 3);
    expect(reopened.zoom).toBeCloseTo(at[2]!, 1);
    await colleague.close();

    // Save the map as a PNG: a real PNG file is downloaded.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save map as PNG (print resolution)' }).click();
    const png = readFileSync((await (await download).path())!);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.length).toBeGreaterThan(50_000);

    expect(errors).toEqual([]);
  }, 240_000);
});
