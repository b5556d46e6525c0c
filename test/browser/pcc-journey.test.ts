/**
 * The PCC's journey, end to end in headless Chromium against the real API (PGlite; real Gwent and
 * South Wales police.uk months): a Police and Crime Commissioner's officer signs in, compares the
 * two force areas (the table and funnel plot with the real numbers), looks at the linked maps, each
 * with its key, then the cross-border map and its key, and saves it as an image with its legend.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser } from '../helpers/auth.js';
import { airGappedPage, hasChromium, launchChromium, signInThroughPage } from '../helpers/browser.js';
import { policeUkFile } from '../helpers/shared-data.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const MONTHS = ['2024-01', '2024-02', '2024-03', '2024-04'];
const GWENT = 'pfa:W15000002';
const SOUTH_WALES = 'pfa:W15000003';

interface HotspotsAnswer {
  area: string;
  cells: { class: number | null }[];
}

describe.skipIf(!hasChromium)('PCC journey', () => {
  let browser: Browser;
  let server: TestServer;
  const pcc = { email: 'pcc-office@gwent.example', password: 'a passphrase for the commissioner' };

  beforeAll(async () => {
    server = await startTestServer({
      policeUkFiles: MONTHS.map((m) => policeUkFile('gwent', m)),
      morePoliceUk: [
        { name: 'South Wales Police (data.police.uk)', files: MONTHS.map((m) => policeUkFile('south-wales', m)) },
      ],
    });
    await createTestUser(server.db, { role: 'pcc', scopes: ['pcc:W15000002'], ...pcc });
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('compares two forces, reads the table and funnel, then the linked and cross-border maps with their keys', async () => {
    const { page, errors } = await airGappedPage(browser, server.url, { width: 1400, height: 2400 });
    await signInThroughPage(page, server.url, pcc);

    // Compare: Gwent against South Wales over their common months.
    const compared = page.waitForResponse((r) => r.url().includes('/api/compare?'));
    const hotspotAnswers: HotspotsAnswer[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/api/hotspots?') && r.status() === 200)
        void r.json().then((b) => hotspotAnswers.push(b as HotspotsAnswer));
    });
    await page.getByRole('button', { name: 'Compare' }).click();
    const response = await compared;
    expect(response.status()).toBe(200);
    const body = (await response.json()) as {
      areas: { area: string; count: number; residents: number | null; rate: number | null }[];
    };
    expect(body.areas.map((a) => a.area)).toEqual([GWENT, SOUTH_WALES]);
    // South Wales is the larger force: more incidents and more residents.
    const [gwent, southWales] = body.areas;
    expect(southWales!.count).toBeGreaterThan(gwent!.count);
    expect(gwent!.count).toBeGreaterThan(1000);

    // The table shows what the API answered, by force name; the funnel plots both forces.
    const rows = page.locator('.compare-table tbody tr');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(2);
    for (const area of body.areas)
      expect(await page.locator(`.compare-table tr[data-area="${area.area}"] td`).nth(1).textContent()).toBe(
        area.count.toLocaleString('en-GB'),
      );
    expect(await page.locator(`.compare-table tr[data-area="${GWENT}"] th`).textContent()).toBe('Gwent');
    expect(await page.locator(`.compare-table tr[data-area="${SOUTH_WALES}"] th`).textContent()).toBe('South Wales');
    expect(await page.locator('.funnel-plot .funnel-point').count()).toBe(2);

    // Linked maps: each force's hexagons, and under each its key with the cells per Gi* class.
    await expect.poll(() => page.locator('.linked-map[data-status="ready"]').count(), { timeout: 90_000 }).toBe(2);
    await expect.poll(() => hotspotAnswers.length, { timeout: 30_000 }).toBe(2);
    for (const id of [GWENT, SOUTH_WALES]) {
      const frame = page.locator('.linked-map-frame', { has: page.locator(`.linked-map[data-map-id="${id}"]`) });
      const answer = hotspotAnswers.find((a) => a.area === id)!;
      expect(Number(await frame.locator('.linked-map').getAttribute('data-cells-drawn'))).toBe(answer.cells.length);
      const hot = answer.cells.filter((c) => c.class === 3).length;
      expect(hot).toBeGreaterThan(0);
      const legend = frame.locator('.linked-map-legend');
      await expect.poll(() => legend.locator('li').count()).toBeGreaterThanOrEqual(7);
      expect(await legend.textContent()).toContain(`Hot spot, 99% confidence (${hot.toLocaleString('en-GB')})`);
    }
    await page.screenshot({ path: `${ARTIFACTS}pcc-linked-maps.png`, fullPage: true });

    // The cross-border map: Gi* over both forces together against each alone, with its key.
    const crossBorder = page.waitForResponse((r) => r.url().includes('/api/cross-border?'));
    await page.getByLabel('Cross-border hot spots').check();
    const crossResponse = await crossBorder;
    expect(crossResponse.status()).toBe(200);
    const cross = (await crossResponse.json()) as { cells: { pattern: string }[] };
    const crossMap = page.locator(
      `.linked-map[data-map-id="cross-border"][data-status="ready"][data-cells-drawn="${cross.cells.length}"]`,
    );
    await crossMap.waitFor({ timeout: 90_000 });
    const keyItems = page.locator('.cross-border-legend li');
    expect(await keyItems.count()).toBe(4);
    const combinedOnly = cross.cells.filter((c) => c.pattern === 'combined-only').length;
    expect(await page.locator('.cross-border-legend').textContent()).toContain(
      `(${combinedOnly.toLocaleString('en-GB')})`,
    );

    // Saved as an image for a board paper: wider than the screen map (300 dpi) and with a key under it.
    const mapBox = await crossMap
      .locator('canvas.maplibregl-canvas')
      .evaluate((c) => ({ width: c.clientWidth, height: c.clientHeight }));
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save map as PNG (print resolution)' }).click();
    const png = readFileSync((await (await download).path())!);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // (Within 5%: the page's layout can move the map's width by a few pixels while it draws.)
    expect(Math.abs(png.readUInt32BE(16) / (mapBox.width * (300 / 96)) - 1)).toBeLessThan(0.05);
    expect(png.readUInt32BE(20)).toBeGreaterThan(mapBox.height * (300 / 96) + 80 * (300 / 96));
    await page.screenshot({ path: `${ARTIFACTS}pcc-cross-border.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});
