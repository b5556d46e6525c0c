/**
 * End-to-end: the selection lives in the URL. A view chosen on the map (hot spots, resolution 9,
 * two months) is in the address bar, survives a reload, carries its analysis selection to the
 * Compare page, comes back as it was from there (by the menu and by the Back button), and a
 * bookmarked URL opens the same view in a new session.
 */
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { airGappedPage, hasChromium, launchChromium, openControls, signInThroughPage } from '../helpers/browser.js';
import { policeUkFile } from '../helpers/shared-data.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const MONTHS = ['2024-01', '2024-02', '2024-03', '2024-04'];

/** The query parameters of the next request to an API path. */
const nextQuery = (page: Page, path: string) =>
  page
    .waitForRequest((r) => new URL(r.url()).pathname === path, { timeout: 60_000 })
    .then((r) => Object.fromEntries(new URL(r.url()).searchParams));

const hotspotsDrawn = (page: Page) =>
  page.locator('#map[data-view="hotspots"][data-status="ready"]').waitFor({ timeout: 90_000 });

/** What the map page's controls show. */
async function mapControls(page: Page) {
  await openControls(page, 'Map layers'); // a closed group's boxes are out of the accessibility tree
  return {
    hotspots: await page.getByLabel(/Hot spots \(Gi\*\)/).isChecked(),
    res: await page.locator('#h3-resolution').inputValue(),
    from: await page.locator('input[name="from"]').inputValue(),
    to: await page.locator('input[name="to"]').inputValue(),
    schools: await page.getByRole('checkbox', { name: /^Schools/ }).isChecked(),
  };
}

describe.skipIf(!hasChromium)('the selection in the URL', () => {
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

  it('keeps a map view through a reload, a visit to Compare and back, and in a bookmark', async () => {
    const { page, errors } = await airGappedPage(browser, server.url, { width: 1280, height: 900 });
    await signInThroughPage(page, server.url, server.analyst);
    await page.locator('#map[data-status="ready"]').waitFor({ timeout: 60_000 });
    expect(new URL(page.url()).search).toBe(''); // nothing chosen yet: every default

    // Choose a view: hot spots, resolution 9, February to March 2024, schools shown.
    await page.getByLabel(/Hot spots \(Gi\*\)/).check();
    await page.locator('#h3-resolution').selectOption('9');
    await openControls(page, 'Area and data');
    await page.locator('input[name="from"]').fill('2024-02');
    await page.locator('input[name="to"]').fill('2024-03');
    await openControls(page, 'Map layers');
    await page.getByRole('checkbox', { name: /^Schools/ }).check();
    await hotspotsDrawn(page);
    const chosen = new URL(page.url()).searchParams;
    expect(Object.fromEntries(chosen)).toMatchObject({ res: '9', view: 'hotspots', from: '2024-02', to: '2024-03' });
    expect(chosen.get('places')?.split(',')).toContain('school');
    const view = await mapControls(page);
    expect(view).toEqual({ hotspots: true, res: '9', from: '2024-02', to: '2024-03', schools: true });
    const bookmark = page.url();

    // A reload asks for the same hot spots and shows the same controls.
    const reloaded = nextQuery(page, '/api/hotspots');
    await page.reload();
    expect(await reloaded).toMatchObject({ res: '9', from: '2024-02', to: '2024-03' });
    await hotspotsDrawn(page);
    expect(page.url()).toBe(bookmark);
    expect(await mapControls(page)).toEqual(view);

    // Compare takes the analysis selection (period, resolution) and keeps its own view in the URL.
    const compared = nextQuery(page, '/api/compare');
    await page.getByRole('button', { name: 'Compare' }).click();
    expect(await compared).toMatchObject({ res: '9', from: '2024-02', to: '2024-03' });
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ res: '9', from: '2024-02', to: '2024-03' });
    await page.getByRole('radio', { name: 'Cross-border hot spots' }).check();
    await expect.poll(() => new URL(page.url()).searchParams.get('maps')).toBe('cross-border');
    await page.screenshot({ path: `${ARTIFACTS}selection-compare.png`, fullPage: true });

    // Back to the map by the menu: the same view.
    const back = nextQuery(page, '/api/hotspots');
    await page.getByRole('button', { name: 'Map', exact: true }).click();
    expect(await back).toMatchObject({ res: '9', from: '2024-02', to: '2024-03' });
    await hotspotsDrawn(page);
    expect(page.url()).toBe(bookmark);
    expect(await mapControls(page)).toEqual(view);

    // And by the Back button: Compare as it was left.
    await page.goBack();
    await page.getByRole('heading', { name: /compare areas/ }).waitFor();
    expect(await page.getByRole('radio', { name: 'Cross-border hot spots' }).isChecked()).toBe(true);
    expect(await page.locator('input[name="from"]').inputValue()).toBe('2024-02');
    await page.goForward();
    await hotspotsDrawn(page);
    expect(await mapControls(page)).toEqual(view);
    expect(errors).toEqual([]);
    await page.close();

    // The bookmark, opened in a new session (signing in first), shows the same view.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const other = await context.newPage();
    const opened = nextQuery(other, '/api/hotspots');
    await signInThroughPage(other, bookmark, server.analyst);
    expect(await opened).toMatchObject({ res: '9', from: '2024-02', to: '2024-03' });
    await hotspotsDrawn(other);
    expect(await mapControls(other)).toEqual(view);
    await other.screenshot({ path: `${ARTIFACTS}selection-bookmark.png` });
    await context.close();
  }, 300_000);
});
