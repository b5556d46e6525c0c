/**
 * End-to-end, geography: the built client (dist/) against the real API (PGlite with
 * the bundled boundaries, places and seeded partnerships, and real Gwent police.uk months) in
 * headless Chromium. Choosing the Gwent partnership must zoom the map to it, filter the cells
 * request to it (`area=partnership:<id>`), draw its outline, the local-authority outlines, the
 * place layers and the hexagons; LSOAs are fetched only when switched on.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { cellToLatLng } from 'h3-js';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cellsBody,
  drawnMap,
  hasChromium,
  launchChromium,
  openControls,
  signInThroughPage,
  warmPixels,
} from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
/** Gwent's local authorities (Caerphilly, Blaenau Gwent, Torfaen, Monmouthshire, Newport). */
const GWENT_LADS = ['W06000018', 'W06000019', 'W06000020', 'W06000021', 'W06000022'];

type Bbox = [number, number, number, number];

interface PartnershipSummary {
  id: number;
  name: string;
  category: string;
  lads: string[];
  bbox: Bbox;
}

describe.skipIf(!hasChromium)('geography in the browser', () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;
  const errors: string[] = [];
  const apiRequests: string[] = [];

  beforeAll(async () => {
    // The test server loads the bundled geography (areas, H3 covers, places, partnerships).
    [browser, server] = await Promise.all([launchChromium(), startTestServer()]);
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => {
      if (request.url().includes('/api/')) apiRequests.push(request.url());
    });
    // Air-gapped: anything not served by the test server is refused and reported. Data URLs
    // (the place icons, drawn in the page) are not network requests.
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url) || url.startsWith('data:')) return route.continue();
      errors.push(`external request: ${url}`);
      return route.abort('blockedbyclient');
    });
  }, 900_000);

  afterAll(async () => {
    await page?.close();
    await browser?.close();
    await server?.close();
  });

  it('zooms to Gwent, filters the counts to it and draws its boundaries, places and hexagons', async () => {
    const partnerships = (await getJson<{ partnerships: PartnershipSummary[] }>(server, '/api/partnerships'))
      .partnerships;
    const gwent = partnerships.find((p) => p.category === 'force' && /gwent/i.test(p.name));
    expect(gwent, 'a seeded Gwent force-area partnership').toBeDefined();
    expect([...gwent!.lads].sort()).toEqual(GWENT_LADS);

    // First load: Gwent is the default, so the very first cells request is already filtered.
    const firstCells = page.waitForRequest((r) => r.url().includes('/api/cells?'));
    await signInThroughPage(page, server.url, server.analyst);
    expect(areaOf(await firstCells)).toBe(`partnership:${gwent!.id}`);
    await page.locator('#map[data-status="ready"]').waitFor({ timeout: 60_000 });

    // "All areas" removes the filter; then move far away (North Wales) so choosing Gwent must
    // move the map back.
    const allCells = page.waitForResponse((r) => r.url().includes('/api/cells?') && areaOf(r.request()) === null);
    await openControls(page, 'Area and data');
    await page.locator('#partnership').selectOption('all');
    const unfiltered = await cellsBody(await allCells);
    await drawnMap(page, unfiltered);
    await expect.poll(() => page.locator('#map').getAttribute('data-partnership')).toBe('');
    await page.evaluate(() => window.__hotspotMap!.jumpTo({ center: [-3.9, 53.0], zoom: 9 }));
    expect(await mapBounds(page)).not.toSatisfy((b: Bbox) => overlaps(b, gwent!.bbox));

    // Choose Gwent.
    const gwentCells = page.waitForResponse((r) => r.url().includes('/api/cells?') && areaOf(r.request()) !== null);
    await page.locator('#partnership').selectOption(String(gwent!.id));
    const cellsResponse = await gwentCells;
    expect(areaOf(cellsResponse.request())).toBe(`partnership:${gwent!.id}`);
    const filtered = await cellsBody(cellsResponse);
    expect(filtered.cells.length).toBeGreaterThan(100);
    // Filtering drops the police.uk rows that lie outside Gwent, and every cell left is in it.
    expect(filtered.cells.length).toBeLessThanOrEqual(unfiltered.cells.length);
    for (const cell of filtered.cells) {
      const [lat, lng] = cellToLatLng(cell.h3);
      expect(inside([lng, lat], gwent!.bbox, 0.01), `cell ${cell.h3} lies in Gwent's box`).toBe(true);
    }

    // Hexagons: one per cell, drawn.
    const map = await drawnMap(page, filtered);
    await expect.poll(() => map.getAttribute('data-partnership')).toBe(String(gwent!.id));

    // The map zoomed to Gwent: its view holds Gwent's box and is not much larger.
    await page.waitForFunction(() => !window.__hotspotMap!.isMoving(), null, { timeout: 30_000 });
    const view = await mapBounds(page);
    const [w, s, e, n] = gwent!.bbox;
    expect(inside([w, s], view, 0.02) && inside([e, n], view, 0.02), `view ${view} holds ${gwent!.bbox}`).toBe(true);
    expect(view[2] - view[0]).toBeLessThan(3 * (e - w));
    expect(view[3] - view[1]).toBeLessThan(3 * (n - s));

    // Boundaries: the five Gwent LAD outlines and the partnership outline are rendered.
    await expect
      .poll(() => renderedCodes(page, 'lad-line'), { timeout: 30_000 })
      .toEqual(expect.arrayContaining(GWENT_LADS));
    await expect.poll(() => renderedCount(page, 'partnership-line'), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(Number(await map.getAttribute('data-lad-features'))).toBeGreaterThanOrEqual(GWENT_LADS.length);

    // Places: the default layers (EDs, prisons) are drawn, one icon per place the API returns
    // for Gwent's box; switching schools on draws those too.
    const bbox = gwent!.bbox.join(',');
    const expected = async (type: string) =>
      (await getJson<{ places: unknown[] }>(server, `/api/places?types=${type}&bbox=${bbox}`)).places.length;
    const eds = await expected('hospital-ed');
    const prisons = await expected('prison');
    expect(eds).toBeGreaterThan(0);
    expect(prisons).toBeGreaterThan(0);
    await expect.poll(() => placesDrawn(page), { timeout: 30_000 }).toEqual({ 'hospital-ed': eds, prison: prisons });
    // The hexagon tooltip gives residents and the rate per 1,000 residents (1 dp).
    const busiest = filtered.cells.reduce((a, b) => ((b.count ?? 0) > (a.count ?? 0) ? b : a));
    expect(busiest.rate).toEqual(expect.any(Number));
    await hover(page, busiest.h3);
    const tooltip = page.locator('.map-tooltip');
    await expect.poll(() => tooltip.innerText().catch(() => ''), { timeout: 10_000 }).toContain(busiest.h3);
    const text = await tooltip.innerText();
    expect(text).toContain(
      `${busiest.rate!.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} per 1,000 residents`,
    );
    expect(text).toMatch(/Residents \(estimate\): [\d,]+/);
    await page.mouse.move(5, 5);

    const schools = await expected('school');
    expect(schools).toBeGreaterThan(50);
    await openControls(page, 'Map layers');
    await page.getByRole('checkbox', { name: /^Schools/ }).check();
    await expect
      .poll(() => placesDrawn(page), { timeout: 30_000 })
      .toEqual({ 'hospital-ed': eds, prison: prisons, school: schools });
    await expect.poll(() => page.locator('[data-place-type="school"] .place-count').innerText()).toMatch(/in view/);
    await expect(page.locator('[data-place-type="hospital-ed"]').innerText()).resolves.toMatch(/stand-in/i);

    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}geography.png` });

    // Hexagon-coloured pixels in the map (legend hidden) that vanish with the deck.gl canvas.
    await page.locator('.legend').evaluate((el) => ((el as HTMLElement).style.visibility = 'hidden'));
    const withHexagons = await warmPixels(page, await page.locator('#map').screenshot());
    await page
      .locator('#map canvas:not(.maplibregl-canvas)')
      .evaluate((el) => ((el as HTMLElement).style.visibility = 'hidden'));
    const withoutHexagons = await warmPixels(page, await page.locator('#map').screenshot());
    expect(withHexagons.pixels).toBeGreaterThan(5_000);
    expect(withoutHexagons.pixels).toBeLessThan(withHexagons.pixels / 20);
    await page
      .locator('#map canvas:not(.maplibregl-canvas)')
      .evaluate((el) => ((el as HTMLElement).style.visibility = ''));
    await page.locator('.legend').evaluate((el) => ((el as HTMLElement).style.visibility = ''));

    // LSOAs are fetched only when switched on, and then only for Gwent's force area.
    expect(apiRequests.filter((u) => u.includes('/api/boundaries/lsoa'))).toEqual([]);
    const lsoaRequest = page.waitForRequest((r) => r.url().includes('/api/boundaries/lsoa'));
    await openControls(page, 'Map layers');
    await page.getByRole('checkbox', { name: /LSOAs/ }).check();
    expect(new URL((await lsoaRequest).url()).searchParams.get('within')).toBe('pfa:W15000002');
    await expect.poll(() => map.getAttribute('data-lsoa-features'), { timeout: 30_000 }).not.toBe('0');
    await expect.poll(() => renderedCount(page, 'lsoa-line'), { timeout: 30_000 }).toBeGreaterThan(50);

    expect(await page.getByRole('alert').count()).toBe(0);
    expect(errors).toEqual([]);
  }, 240_000);
});

async function getJson<T>(server: TestServer, path: string): Promise<T> {
  const response = await fetch(`${server.url}${path}`, {
    headers: { authorization: `Bearer ${server.analyst.token}` },
  });
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

/** The `area` parameter of a cells request, or null. */
function areaOf(request: Request): string | null {
  return new URL(request.url()).searchParams.get('area');
}

async function mapBounds(page: Page): Promise<Bbox> {
  return page.evaluate(() => {
    const b = window.__hotspotMap!.getBounds();
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] as Bbox;
  });
}

function inside([lng, lat]: [number, number], [w, s, e, n]: Bbox, tolerance = 0): boolean {
  return lng >= w - tolerance && lng <= e + tolerance && lat >= s - tolerance && lat <= n + tolerance;
}

function overlaps(a: Bbox, b: Bbox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/** Area codes of the features MapLibre drew in a style layer (sorted, distinct). */
function renderedCodes(page: Page, layer: string): Promise<string[]> {
  return page.evaluate((id) => {
    const features = window.__hotspotMap!.queryRenderedFeatures({ layers: [id] });
    return [...new Set(features.map((f) => String(f.properties.code)))].sort();
  }, layer);
}

function renderedCount(page: Page, layer: string): Promise<number> {
  return page.evaluate((id) => window.__hotspotMap!.queryRenderedFeatures({ layers: [id] }).length, layer);
}

async function placesDrawn(page: Page): Promise<Record<string, number>> {
  return JSON.parse((await page.locator('#map').getAttribute('data-places-drawn')) ?? '{}') as Record<string, number>;
}

/** Moves the mouse over the centre of an H3 cell. */
async function hover(page: Page, h3: string) {
  const [lat, lng] = cellToLatLng(h3);
  const point = await page.evaluate(
    ([x, y]) => {
      const map = window.__hotspotMap!;
      const p = map.project([x, y]);
      const r = map.getCanvas().getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    },
    [lng, lat] as [number, number],
  );
  await page.mouse.move(point.x, point.y);
}
