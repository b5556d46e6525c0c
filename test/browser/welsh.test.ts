/**
 * End-to-end: the map page in Welsh on the bundled Gwent sample. `?lang=cy` marks the document
 * Welsh and renders the controls, legend, view picker, priority table and a cell panel from the
 * Welsh catalogue, with Welsh area names (Casnewydd, Heddlu Gwent); the switch in the user bar
 * brings English back.
 */
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MessageKey, translate } from '../../server/domain/i18n/translate.js';
import { airGappedPage, hasChromium, launchChromium, openControls, signInThroughPage } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const cy = (key: MessageKey) => translate('cy', key);
const en = (key: MessageKey) => translate('en', key);

/** Main map-page labels that must read in the page's language. */
const CONTROL_KEYS: MessageKey[] = [
  'map.section.data',
  'map.section.view',
  'map.section.offences',
  'map.section.layers',
  'map.view.show',
  'map.view.counts',
  'map.view.hotspots',
  'map.resolution.label',
  'map.area.label',
  'map.period.legend',
  'map.priorities.title',
  'map.priorities.location',
  'map.priorities.class',
];

const visibleText = (page: Page) => page.evaluate(() => document.body.innerText);

describe.skipIf(!hasChromium)('the map page in Welsh', () => {
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

  it('shows the controls, legend, priority table and a cell panel in Welsh, and switches back to English', async () => {
    const { page, errors } = await airGappedPage(browser, server.url, { width: 1500, height: 1000 });
    await signInThroughPage(page, server.url, server.analyst);
    await page.goto(`${server.url}/?lang=cy`);
    await page.locator('.user-bar').waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('cy');

    // The priority table lists the area's cells; its first row opens a cell panel.
    const row = page.locator('tr.priority-row').first();
    await row.waitFor({ timeout: 120_000 });
    await page.locator('section.legend').waitFor({ timeout: 60_000 });
    await row.click();
    await openControls(page, cy('map.section.data'));
    await page.locator('.cell-panel .cell-place').waitFor({ timeout: 60_000 });

    const welsh = await visibleText(page);
    for (const key of CONTROL_KEYS) expect(welsh, key).toContain(cy(key));
    expect(welsh).toContain(cy('map.caption.counts')); // the legend's title
    expect(welsh).toContain(cy('cell.countsByMonth'));
    expect(welsh).toContain(cy('cell.offenceMix'));
    expect(await page.getByRole('button', { name: cy('cell.close') }).count()).toBe(1);
    expect(await page.getByRole('region', { name: cy('map.legend.label') }).count()).toBe(1);
    // Welsh area names: the Gwent force area and Newport's council.
    expect(welsh).toContain('Heddlu Gwent');
    expect(await page.locator('#partnership option').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('Casnewydd')]),
    );
    // English control labels are gone (bar the ones spelt alike in both languages).
    for (const key of CONTROL_KEYS) if (en(key) !== cy(key)) expect(welsh, key).not.toContain(en(key));
    await page.screenshot({ path: `${SCREENSHOTS}map-welsh.png` });

    // Back to English with the switch in the user bar.
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en-GB');
    await openControls(page, en('map.section.data'));
    const english = await visibleText(page);
    for (const key of CONTROL_KEYS) expect(english, key).toContain(en(key));
    expect(english).toContain('Incidents per hexagon');
    expect(english).not.toContain(cy('map.section.data'));
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});
