/**
 * The Data page's upload in the browser: a bundled police.uk file dropped in, its first rows
 * previewed, the server's streamed progress driving the bar to 100%, then the import report.
 */
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, signInThroughPage } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const SAMPLE = fileURLToPath(
  new URL('../../geodata/sample/police-uk/gwent/2023-07-gwent-street.csv.gz', import.meta.url),
);
const SCREENSHOT = fileURLToPath(new URL('../../docs/screenshots/data-upload.png', import.meta.url));
const NAME = 'Gwent Police July 2023 (uploaded in the browser)';

describe.skipIf(!hasChromium)('uploading a dataset from the Data page', () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), startTestServer({ policeUkFiles: [] })]);
    page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
    page.on('pageerror', (error) => errors.push(error.message));
    await signInThroughPage(page, server.url, server.analyst);
    await page.goto(`${server.url}/sharing`);
    await page.getByRole('form', { name: 'Upload a dataset' }).waitFor();
  }, 900_000);

  afterAll(async () => {
    await page?.close();
    await browser?.close();
    await server?.close();
  });

  it('checks a file against the chosen column mapping before upload', async () => {
    await page.getByLabel('Kind').selectOption('incidents');
    await page.getByLabel(/^Files/).setInputFiles(SAMPLE);
    // A police.uk file has none of the local police extract's columns: the preview says which are missing.
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('lacks columns the chosen mapping reads: committed_date');
    await page.getByLabel('Kind').selectOption('police-uk');
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);
  });

  it('previews the first rows, follows the server progress to 100% and shows the report', async () => {
    await page.getByLabel('Dataset name').fill(NAME);
    await page.getByLabel(/^Files/).setInputFiles(SAMPLE);
    const preview = page.getByRole('table', { name: 'First rows of 2023-07-gwent-street.csv.gz' });
    await expect.poll(() => preview.locator('th').first().textContent()).toBe('Crime ID');
    expect(await preview.locator('tbody tr').count()).toBe(5);

    // Every value the bar shows, as the page shows it.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { barValues: string[] }).barValues = seen;
      new MutationObserver(() => {
        const bar = document.querySelector('progress[aria-label="Import progress"]');
        const value = bar?.getAttribute('value');
        if (value && seen.at(-1) !== value) seen.push(value);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    const events = page.waitForResponse((r) => r.url().includes('/api/datasets/upload-progress/'));
    await page.getByRole('button', { name: 'Upload dataset' }).click();
    const stream = await events;
    expect(stream.headers()['content-type']).toContain('text/event-stream');

    const report = page.getByRole('status', { name: 'Import report' });
    await report.waitFor({ timeout: 120_000 });
    const bar = page.getByRole('progressbar', { name: 'Import progress' });
    expect(await bar.getAttribute('value')).toBe('100');
    const values = await page.evaluate(() => (window as unknown as { barValues: string[] }).barValues);
    expect(values.at(-1)).toBe('100');

    // The report's figures are what the server stored.
    const [stored] = await server.db.query<{ rowsAccepted: number; rowsRejected: number }>(
      `select rows_accepted as "rowsAccepted", rows_rejected as "rowsRejected" from datasets where name = $1`,
      [NAME],
    );
    expect(stored!.rowsAccepted).toBeGreaterThan(1000);
    const text = await report.textContent();
    expect(text).toContain(`${stored!.rowsAccepted.toLocaleString('en-GB')} accepted`);
    expect(text).toContain(`${stored!.rowsRejected.toLocaleString('en-GB')} rejected`);
    expect(text).toContain('Months replaced: none');
    const coverage = page.getByRole('table', { name: 'Coverage by month' });
    expect(await coverage.locator('tbody tr td').first().textContent()).toBe('2023-07');
    expect(await page.locator('.upload-progress').textContent()).toContain(
      `${stored!.rowsAccepted.toLocaleString('en-GB')} stored`,
    );
    await page.locator('.admin-section[aria-label="Datasets"]').screenshot({ path: SCREENSHOT });
    expect(errors).toEqual([]);
  }, 180_000);

  it('re-imports a month after saying it will be replaced, then deletes the dataset after saying what goes', async () => {
    const managed = page.getByRole('table', { name: 'Datasets you manage' });
    const row = managed.getByRole('row').filter({ hasText: NAME });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('2023-07 to 2023-07');

    await row.getByRole('button', { name: 'Add or replace months' }).click();
    expect(await page.getByLabel('Dataset name').inputValue()).toBe(NAME);
    const note = page.getByRole('note', { name: 'What this upload will change' });
    expect(await note.textContent()).toContain(
      'from 2023-07 to 2023-07. Months in these files that it holds will be replaced',
    );
    await page.getByLabel(/^Files/).setInputFiles(SAMPLE);
    await page
      .getByRole('form', { name: 'Upload a dataset' })
      .getByRole('button', { name: 'Add or replace months' })
      .click();
    const report = page.getByRole('status', { name: 'Import report' });
    await expect.poll(() => report.textContent(), { timeout: 120_000 }).toContain('Months replaced: 2023-07');

    const [stored] = await server.db.query<{ id: number; rowsAccepted: number }>(
      `select id, rows_accepted as "rowsAccepted" from datasets where name = $1`,
      [NAME],
    );
    await row.getByRole('button', { name: 'Delete…' }).click();
    const confirm = page.getByRole('alertdialog', { name: `Delete ${NAME}?` });
    expect(await confirm.textContent()).toContain(
      `its ${stored!.rowsAccepted.toLocaleString('en-GB')} rows (2023-07 to 2023-07)`,
    );
    await confirm.getByRole('button', { name: 'Delete dataset' }).click();
    await expect.poll(() => row.count()).toBe(0);
    expect(await server.db.query('select id from datasets where id = $1', [stored!.id])).toEqual([]);
    expect(errors).toEqual([]);
  }, 240_000);
});
