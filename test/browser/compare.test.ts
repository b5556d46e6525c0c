/**
 * End-to-end: the Compare view in headless Chromium against the real API, on real Gwent and
 * South Wales police.uk data (2024-01..04): the table and funnel plot, two linked maps that pan
 * together, and the cross-border map.
 */
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { airGappedPage, hasChromium, launchChromium, signInThroughPage } from '../helpers/browser.js';
import { policeUkFile } from '../helpers/shared-data.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const MONTHS = ['2024-01', '2024-02', '2024-03', '2024-04'];
const GWENT = 'pfa:W15000002';
const SOUTH_WALES = 'pfa:W15000003';

const centreOf = (page: Page, id: string) =>
  page.evaluate((mapId) => {
    const map = window.__compareMaps![mapId]!;
    const c = map.getCenter();
    return { lng: c.lng, lat: c.lat, zoom: map.getZoom() };
  }, id);

describe.skipIf(!hasChromium)('compare view in the browser', () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      policeUkFiles: MONTHS.map((m) => policeUkFile('gwent', m)),
      morePoliceUk: [
        { name: 'South Wales Police (data.police.uk)', files: MONTHS.map((m) => policeUkFile('south-wales', m)) },
      ],
    });
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('compares Gwent with South Wales in a table, a funnel plot and two linked maps, then maps hot spots across the boundary', async () => {
    const { page, errors } = await airGappedPage(browser, server.url, { width: 1400, height: 2400 });
    await signInThroughPage(page, server.url, server.analyst);
    const compared = page.waitForResponse((r) => r.url().includes('/api/compare?'));
    await page.getByRole('button', { name: 'Compare' }).click();
    const response = await compared;
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { from: string; to: string; areas: { area: string; count: number }[] };
    // Both forces' data, their common months, Gwent against South Wales.
    expect([body.from, body.to]).toEqual(['2024-01', '2024-04']);
    expect(body.areas.map((a) => a.area)).toEqual([GWENT, SOUTH_WALES]);

    const rows = page.locator('.compare-table tbody tr');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(2);
    for (const area of body.areas) {
      const row = page.locator(`.compare-table tr[data-area="${area.area}"]`);
      expect(await row.locator('td').nth(1).textContent()).toBe(area.count.toLocaleString('en-GB'));
    }
    expect(await page.locator('.compare-table tr[data-area="pfa:W15000002"] th').textContent()).toBe('Gwent');
    expect(await page.locator('.funnel-plot .funnel-point').count()).toBe(2);
    expect(await page.locator('.funnel-plot path.limit-95').count()).toBe(2);

    // Two maps side by side, each drawing its force's whole cover.
    const maps = page.locator('.linked-map[data-status="ready"]');
    await expect.poll(() => maps.count(), { timeout: 90_000 }).toBe(2);
    for (const id of [GWENT, SOUTH_WALES])
      expect(
        Number(await page.locator(`.linked-map[data-map-id="${id}"]`).getAttribute('data-cells-drawn')),
      ).toBeGreaterThan(1000);
    // Panning one map (a real mouse drag) moves the other to the same view.
    const before = await centreOf(page, SOUTH_WALES);
    const gwentMap = page.locator(`.linked-map[data-map-id="${GWENT}"]`);
    await gwentMap.scrollIntoViewIfNeeded();
    const box = (await gwentMap.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 150, box.y + box.height / 2 + 60, { steps: 10 });
    await page.mouse.up();
    await expect
      .poll(async () => (await centreOf(page, SOUTH_WALES)).lng, { timeout: 10_000 })
      .not.toBeCloseTo(before.lng, 4);
    const [led, followed] = [await centreOf(page, GWENT), await centreOf(page, SOUTH_WALES)];
    expect(followed.lng).toBeCloseTo(led.lng, 6);
    expect(followed.lat).toBeCloseTo(led.lat, 6);
    expect(followed.zoom).toBeCloseTo(led.zoom, 6);
    await page.screenshot({ path: `${ARTIFACTS}compare.png`, fullPage: true });

    // The cross-border map: Gi* over both forces together, against each alone.
    const crossBorder = page.waitForResponse((r) => r.url().includes('/api/cross-border?'));
    await page.getByLabel('Cross-border hot spots').check();
    const crossResponse = await crossBorder;
    expect(crossResponse.status()).toBe(200);
    const cross = (await crossResponse.json()) as { cells: unknown[] };
    await page
      .locator(`.linked-map[data-map-id="cross-border"][data-status="ready"][data-cells-drawn="${cross.cells.length}"]`)
      .waitFor({ timeout: 90_000 });
    expect(await page.locator('.cross-border-legend li').count()).toBe(4);
    await expect.poll(() => page.locator('.straddling-summary').textContent()).toMatch(/boundary/);
    await page.screenshot({ path: `${ARTIFACTS}compare-cross-border.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);
});
