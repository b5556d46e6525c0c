/**
 * End-to-end: the proximity view in headless Chromium on the bundled Gwent police.uk months and
 * the synthetic local police extract: settings ranked by the incidents near them, the table as the
 * API answered, the map drawing them, a CSV export recorded in the audit log, the time window
 * greyed out for month-precision data and used (school-run preset) for data with times, and the
 * server's refusal of a radius too small for restricted data shown to the user.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { airGappedPage, hasChromium, signInThroughPage } from '../helpers/browser.js';
import { browserSuite, LOCAL_EXTRACT } from '../helpers/browser-suite.js';

const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

interface ProximityAnswer {
  radius: number;
  restricted: boolean;
  placesInArea: number;
  places: { name: string; count: number | null; ratioToAverage: number | null }[];
}

/** The table's rows as text: rank, name, count, ratio. */
const tableRows = (page: Page) =>
  page
    .locator('table.proximity-ranking tbody tr')
    .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => (c.textContent ?? '').trim())));

/** The rows the table must show for an answer. */
const expectedRows = (body: ProximityAnswer) =>
  body.places.map((p, i) => [
    String(i + 1),
    p.name,
    p.count === null ? 'withheld' : String(p.count),
    p.ratioToAverage === null ? '–' : `${p.ratioToAverage.toFixed(2)}×`,
  ]);

describe.skipIf(!hasChromium)('the proximity view in the browser', () => {
  const suite = browserSuite({ restrictedFiles: [LOCAL_EXTRACT] });

  it('ranks Gwent schools by nearby violence, maps and exports them, and applies a time window where the data has times', async () => {
    const { browser, server } = suite;
    const { page, errors } = await airGappedPage(browser, server.url, { width: 1400, height: 1800 });
    await signInThroughPage(page, server.url, server.analyst);

    // police.uk data: month precision, so the time window is greyed out with the server's reason.
    const answered = page.waitForResponse((r) => r.url().includes('/api/proximity?'));
    await page.getByRole('button', { name: 'Settings' }).click();
    const response = await answered;
    expect(response.status()).toBe(200);
    expect(new URL(response.url()).searchParams.get('type')).toBe('school');
    const body = (await response.json()) as ProximityAnswer;
    expect(body.restricted).toBe(false);
    expect(body.places.length).toBeGreaterThan(10);
    expect(body.places.some((p) => (p.count ?? 0) > 0)).toBe(true);
    await expect.poll(() => tableRows(page), { timeout: 30_000 }).toEqual(expectedRows(body));
    const counts = body.places.map((p) => p.count!);
    expect(counts).toEqual([...counts].sort((a, b) => b - a)); // ranked
    await page
      .locator(`.linked-map[data-map-id="proximity"][data-status="ready"][data-cells-drawn="${body.places.length}"]`)
      .waitFor({ timeout: 60_000 });
    const window = page.getByRole('group', { name: 'Time window' });
    const schoolRun = page.getByRole('radio', { name: /Schools on school days/ });
    expect(await schoolRun.isDisabled()).toBe(true);
    expect(await window.textContent()).toContain('has month precision: it cannot be filtered by weekdays, hours');

    // The CSV is the table's data, and the export is recorded.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const csv = Papa.parse<Record<string, string>>(readFileSync((await (await download).path())!, 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(csv.map((r) => [r.rank, r.name, r.count])).toEqual(
      body.places.map((p, i) => [String(i + 1), p.name, String(p.count)]),
    );
    await expect
      .poll(async () =>
        (
          await server.db.query<{ view: string }>(
            `select summary->>'view' as view from audit_log where action = 'export' and summary->>'format' = 'proximity.csv'`,
          )
        ).map((r) => r.view),
      )
      .toEqual([expect.stringContaining('type=school')]);

    // The local police extract has times: the school-run preset filters Monday-Friday 15:00-17:00.
    await page.getByRole('checkbox', { name: /Gwent Police \(data\.police\.uk\)/ }).uncheck();
    await page.getByRole('checkbox', { name: /Local police extract/ }).check();
    await expect.poll(() => schoolRun.isDisabled()).toBe(false);
    const windowed = page.waitForResponse(
      (r) => r.url().includes('/api/proximity?') && r.url().includes('hours=15-17'),
    );
    await schoolRun.check();
    const restrictedResponse = await windowed;
    expect(restrictedResponse.status()).toBe(200);
    const params = new URL(restrictedResponse.url()).searchParams;
    expect([params.get('weekdays'), params.get('type')]).toEqual(['1,2,3,4,5', 'school']);
    const restrictedBody = (await restrictedResponse.json()) as ProximityAnswer;
    expect(restrictedBody.restricted).toBe(true);
    await expect.poll(() => tableRows(page), { timeout: 30_000 }).toEqual(expectedRows(restrictedBody));
    await page.screenshot({ path: `${SCREENSHOTS}proximity.png`, fullPage: true });

    // Too small a radius for restricted data: the server refuses, and the page says why.
    const refused = page.waitForResponse((r) => r.url().includes('/api/proximity?') && r.url().includes('radius=100'));
    await page.getByLabel('Radius').selectOption('100');
    expect((await refused).status()).toBe(422);
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'did not rank' }).textContent())
      .toMatch(/restricted data: .* the radius must be at least \d+ m/);
    expect(errors).toEqual([]);
  }, 240_000);
});
