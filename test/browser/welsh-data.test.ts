/**
 * The Data page, the Settings (proximity) page and the Definitions editor in Welsh: with `?lang=cy`
 * the document says so, their labels come from the Welsh catalogue, and the English ones are gone.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MessageKey, translate } from '../../server/domain/i18n/translate.js';
import { airGappedPage, hasChromium, launchChromium, signInThroughPage } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const RESTRICTED = fileURLToPath(new URL('../../geodata/sample/restricted/', import.meta.url));
const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

const cy = (key: MessageKey) => translate('cy', key);
const en = (key: MessageKey) => translate('en', key);

/** The page's visible text, to check English labels are gone. */
const pageText = (page: Page) => page.locator('main, body').first().innerText();

describe.skipIf(!hasChromium)('the data, settings and definitions pages in Welsh', () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    // The restricted extract belongs to the analyst's partnership, so the Data page lists it as theirs to manage.
    server = await startTestServer({ restrictedFiles: [`${RESTRICTED}local-police-gwent-south-wales.csv.gz`] });
    browser = await launchChromium();
    ({ page, errors } = await airGappedPage(browser, server.url, { width: 1280, height: 1400 }));
    await signInThroughPage(page, server.url, server.analyst);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the Data page’s upload form and managed datasets in Welsh', async () => {
    await page.goto(`${server.url}/sharing?lang=cy`);
    const form = page.getByRole('form', { name: cy('datasets.form') });
    await form.waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('cy');
    await page.getByRole('heading', { name: cy('datasets.heading'), exact: true }).waitFor();
    await page.getByRole('table', { name: cy('datasets.managed') }).waitFor();
    expect(await page.getByRole('button', { name: cy('datasets.addMonths') }).count()).toBeGreaterThan(0);
    expect(await form.getByLabel(cy('datasets.name')).getAttribute('placeholder')).toBe(cy('datasets.namePlaceholder'));
    expect(await form.getByRole('button', { name: cy('datasets.upload') }).count()).toBe(1);
    expect(await form.locator('select[name="kind"] option').allTextContents()).toEqual([
      cy('datasets.kind.policeUk'),
      cy('datasets.kind.incidents'),
    ]);

    // Asking to delete explains, in Welsh, what will go.
    await page
      .getByRole('button', { name: cy('datasets.delete') })
      .first()
      .click();
    const dialog = page.getByRole('alertdialog');
    expect(await dialog.textContent()).toContain('Ni ellir dadwneud hyn.');
    await dialog.getByRole('button', { name: cy('datasets.keep') }).click();

    const text = await pageText(page);
    for (const key of ['datasets.form', 'datasets.upload', 'datasets.addMonths', 'datasets.intro'] as const)
      expect(text).not.toContain(en(key));
    expect(text).toContain(cy('datasets.intro'));
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOTS}data-welsh.png`, fullPage: true });
  }, 120_000);

  it('shows the Settings page’s controls and ranking in Welsh', async () => {
    const answered = page.waitForResponse((r) => r.url().includes('/api/proximity?'), { timeout: 60_000 });
    await page.goto(`${server.url}/proximity?lang=cy`);
    await answered;
    expect(await page.locator('html').getAttribute('lang')).toBe('cy');
    await page.getByRole('heading', { name: `hotspot · ${cy('proximity.title')}` }).waitFor();
    await page.getByRole('group', { name: cy('proximity.window.legend') }).waitFor();
    await page.getByRole('radio', { name: cy('proximity.window.any') }).waitFor();
    await page.getByRole('button', { name: cy('proximity.downloadCsv') }).waitFor({ timeout: 60_000 });
    const headers = await page.locator('table.proximity-ranking thead th').allTextContents();
    expect(headers[0]).toBe(cy('proximity.col.rank'));
    expect(headers[1]).toBe(cy('proximity.col.setting'));
    expect(await page.getByLabel(cy('proximity.radius')).locator('option:checked').textContent()).toBe('200 m');

    const text = await pageText(page);
    for (const key of ['proximity.window.legend', 'proximity.window.any', 'proximity.downloadCsv'] as const)
      expect(text).not.toContain(en(key));
    expect(text).not.toContain('Setting type');
  }, 120_000);

  it('shows the Definitions editor in Welsh', async () => {
    await page.goto(`${server.url}/definitions?lang=cy`);
    await page.getByRole('heading', { name: cy('definitions.history') }).waitFor({ timeout: 60_000 });
    expect(await page.locator('html').getAttribute('lang')).toBe('cy');
    await page.locator('#definition-start').selectOption({ index: 1 });
    const editor = page.getByRole('form', { name: cy('definitions.form') });
    await editor.waitFor();
    await editor.getByLabel(cy('definitions.key')).waitFor();
    await editor.getByRole('group', { name: cy('definitions.weights') }).waitFor();
    await editor.getByRole('button', { name: translate('cy', 'definitions.saveVersion', { version: '1' }) }).waitFor();

    const text = await pageText(page);
    for (const key of ['definitions.history', 'definitions.edit', 'definitions.intro', 'definitions.weights'] as const)
      expect(text).not.toContain(en(key));
    expect(text).not.toContain('Save as version');
    expect(errors).toEqual([]);
  }, 120_000);
});
