/**
 * The base map in Chromium, against the real app (built client, PGlite with the bundled
 * geography and Gwent police.uk months): the offline base map draws its names with the font the
 * app serves and asks nothing of any other origin; a PMTiles file dropped into the data folder
 * and chosen by an admin is read by the map from the app itself, in byte ranges.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser } from '../helpers/auth.js';
import { airGappedPage, hasChromium, launchChromium, signInThroughPage } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { solidPng, tinyPmtiles } from '../helpers/tiny-pmtiles.js';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
/** The tile's colour: a green no other layer of the map uses. */
const TILE: [number, number, number] = [120, 200, 90];

async function settle(page: Page, view: { center: [number, number]; zoom: number }) {
  await page.evaluate((v) => window.__hotspotMap!.jumpTo(v), view);
  await page.waitForFunction(() => !window.__hotspotMap!.isMoving() && window.__hotspotMap!.areTilesLoaded(), null, {
    timeout: 30_000,
  });
}

/** The colour of the map canvas (MapLibre's, under deck.gl's) at a point, read in the page. */
function mapPixel(page: Page, x: number, y: number): Promise<number[]> {
  return page.evaluate(
    ([px, py]) => {
      const source = window.__hotspotMap!.getCanvas();
      const canvas = new OffscreenCanvas(source.width, source.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(source, 0, 0);
      const ratio = window.devicePixelRatio;
      return [...context.getImageData(px! * ratio, py! * ratio, 1, 1).data];
    },
    [x, y],
  );
}

describe.skipIf(!hasChromium)('base map in the browser', () => {
  let browser: Browser;
  let server: TestServer;
  const dataDir = mkdtempSync(join(tmpdir(), 'hotspot-basemap-'));
  const before = process.env.HOTSPOT_DATA_DIR;

  beforeAll(async () => {
    // The server reads the data folder from the environment when a request needs it.
    process.env.HOTSPOT_DATA_DIR = dataDir;
    mkdirSync(join(dataDir, 'basemaps'));
    writeFileSync(join(dataDir, 'basemaps', 'test.pmtiles'), tinyPmtiles(solidPng(TILE)));
    await mkdir(ARTIFACTS, { recursive: true });
    [browser, server] = await Promise.all([launchChromium(), startTestServer()]);
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (before === undefined) delete process.env.HOTSPOT_DATA_DIR;
    else process.env.HOTSPOT_DATA_DIR = before;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('draws the offline names in the app’s own font, asking no other origin', async () => {
    const { page, errors } = await airGappedPage(browser, server.url, { width: 1400, height: 900 });
    const fonts: string[] = [];
    const labelViews: string[] = [];
    page.on('requestfinished', (r) => {
      if (r.resourceType() === 'font') fonts.push(r.url());
      if (r.url().includes('/api/base-map/labels?')) labelViews.push(r.url());
    });
    await signInThroughPage(page, server.url, server.analyst);
    await page.locator('#map[data-status="ready"]').waitFor({ timeout: 60_000 });

    const labels = page.waitForResponse(
      (r) => r.url().includes('/api/base-map/labels?') && r.url().includes('zoom=13.5'),
    );
    await settle(page, { center: [-2.995, 51.585], zoom: 13.6 });
    const body = (await (await labels).json()) as { labels: { text: string; kind: string }[] };
    expect(body.labels.map((l) => l.text)).toEqual(expect.arrayContaining(['Newport', 'NP20 1']));
    await page.waitForTimeout(1000);
    await page.screenshot({ path: join(ARTIFACTS, 'base-map-newport-13.5.png') });

    await settle(page, { center: [-3.05, 51.65], zoom: 9.2 });
    await page.waitForTimeout(1000);
    await page.screenshot({ path: join(ARTIFACTS, 'base-map-gwent-9.png') });

    // Street level: the names of schools and pubs join in.
    const street = page.waitForResponse(
      (r) => r.url().includes('/api/base-map/labels?') && r.url().includes('zoom=15.5'),
    );
    await settle(page, { center: [-2.995, 51.588], zoom: 15.6 });
    const close = (await (await street).json()) as { labels: { kind: string }[] };
    expect(close.labels.some((l) => l.kind === 'pub')).toBe(true);
    await page.waitForTimeout(1000);
    await page.screenshot({ path: join(ARTIFACTS, 'base-map-newport-15.5.png') });

    // Noto Sans came from the app (the built client's assets), and nothing else was asked for.
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font.startsWith(`${server.url}/assets/`), font).toBe(true);
    expect(fonts.some((f) => /noto-sans/.test(f))).toBe(true);
    expect(labelViews.length).toBeGreaterThanOrEqual(2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reads a PMTiles file an admin chose on the Admin page from the app itself, in byte ranges', async () => {
    const admin = { email: 'admin@gwent.example', password: 'an admin passphrase for the browser' };
    const adminUser = await createTestUser(server.db, { role: 'admin', ...admin });
    try {
      const { page: adminPage, errors: adminErrors } = await airGappedPage(browser, server.url, {
        width: 1200,
        height: 900,
      });
      await signInThroughPage(adminPage, server.url, admin);
      await adminPage.getByRole('button', { name: 'Admin' }).click();
      await adminPage.getByRole('tab', { name: 'Base map' }).click();
      await adminPage.getByLabel('PMTiles file in the data folder').check();
      await adminPage.getByLabel('PMTiles file', { exact: true }).selectOption('test.pmtiles');
      await adminPage.getByLabel('Attribution shown on the map').fill('Test tiles');
      await adminPage.getByRole('button', { name: 'Save base map' }).click();
      await adminPage.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
      await adminPage.screenshot({ path: join(ARTIFACTS, 'base-map-admin.png') });
      expect(adminErrors).toEqual([]);
      await adminPage.close();

      const { page, errors } = await airGappedPage(browser, server.url, { width: 1200, height: 800 });
      const tileRequests: { url: string; range: string | undefined }[] = [];
      const origins = new Set<string>();
      page.on('request', (r) => {
        origins.add(new URL(r.url()).origin);
        if (r.url().includes('.pmtiles')) tileRequests.push({ url: r.url(), range: r.headers().range });
      });
      await signInThroughPage(page, server.url, server.analyst);
      await page.locator('#map[data-status="ready"]').waitFor({ timeout: 60_000 });
      await settle(page, { center: [-3.0, 51.6], zoom: 11 });
      await page.waitForTimeout(1000);
      await page.screenshot({ path: join(ARTIFACTS, 'base-map-pmtiles.png') });

      expect(tileRequests.length).toBeGreaterThan(0);
      for (const r of tileRequests) {
        expect(r.url).toBe(`${server.url}/api/base-map/pmtiles/test.pmtiles`);
        expect(r.range).toMatch(/^bytes=\d+-\d+$/);
      }
      // Only the app's origin (data: and blob: URLs have origin "null").
      expect([...origins].filter((o) => o !== 'null')).toEqual([server.url]);
      // The tile is drawn: a corner of the map, away from hexagons and outlines, is its colour.
      const [r, g, b] = await mapPixel(page, 30, 760);
      expect(Math.abs(r! - TILE[0]) + Math.abs(g! - TILE[1]) + Math.abs(b! - TILE[2])).toBeLessThan(60);
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await fetch(`${server.url}/api/base-map`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${adminUser.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'offline' }),
      });
    }
  });
});
