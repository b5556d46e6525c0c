/**
 * End-to-end: the map page's Filters section in headless Chromium. For police.uk data (month
 * precision, no flags) the weekday, hour and flag controls are greyed out with the reason; for the
 * restricted local police extract (times and flags) a Friday-Saturday 22:00-04:00 window and the
 * knife flag go into the URL and the /api/cells request, and the map draws the filtered answer.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  airGappedPage,
  cellsBody,
  drawnMap,
  hasChromium,
  openControls,
  signInThroughPage,
} from '../helpers/browser.js';
import { browserSuite, LOCAL_EXTRACT } from '../helpers/browser-suite.js';

const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

const total = (cells: { count: number | null }[]) => cells.reduce((sum, c) => sum + (c.count ?? 0), 0);

describe.skipIf(!hasChromium)('analysis filters in the browser', () => {
  const suite = browserSuite({ restrictedFiles: [LOCAL_EXTRACT] });

  it('greys out time and flag filters for police.uk data and filters the local extract by weekday, hour and knife', async () => {
    const { browser, server } = suite;
    const { page, errors } = await airGappedPage(browser, server.url, { width: 1400, height: 1100 });
    const first = page.waitForResponse((r) => r.url().includes('/api/cells?'));
    await signInThroughPage(page, server.url, server.analyst);
    await drawnMap(page, await cellsBody(await first));

    // police.uk: month precision and no flags, so every filter is disabled with the reason.
    await openControls(page, 'Filters');
    const weekdays = page.locator('fieldset[data-filter="weekdays"]');
    const hours = page.locator('fieldset[data-filter="hours"]');
    const flags = page.locator('fieldset[data-filter="flags"]');
    expect(await weekdays.getByRole('checkbox').first().isDisabled()).toBe(true);
    expect(await weekdays.textContent()).toContain('has month precision: it cannot be filtered by weekdays');
    expect(await hours.getByRole('checkbox').first().isDisabled()).toBe(true);
    expect(await hours.textContent()).toContain('has month precision: it cannot be filtered by hours');
    expect(await flags.getByRole('checkbox').first().isDisabled()).toBe(true);
    expect(await flags.textContent()).toContain('records no knife, domestic-abuse or alcohol flags');

    // The local extract alone: it has times and flags.
    await openControls(page, 'Area and data');
    await page.getByRole('checkbox', { name: /Gwent Police \(data\.police\.uk\)/ }).uncheck();
    const unfiltered = page.waitForResponse(
      (r) => r.url().includes('/api/cells?') && !r.url().includes('weekdays=') && r.status() === 200,
    );
    await page.getByRole('checkbox', { name: /Local police extract/ }).check();
    const before = await cellsBody(await unfiltered);
    await drawnMap(page, before);
    await expect.poll(() => weekdays.getByRole('checkbox').first().isDisabled()).toBe(false);
    expect(await hours.getByRole('checkbox').first().isDisabled()).toBe(false);
    expect(await flags.getByRole('checkbox').first().isDisabled()).toBe(false);

    await weekdays.getByRole('checkbox', { name: 'Fri' }).check();
    await weekdays.getByRole('checkbox', { name: 'Sat' }).check();
    await hours.getByRole('checkbox', { name: 'Only these hours' }).check();
    const filtered = page.waitForResponse(
      (r) => r.url().includes('/api/cells?') && r.url().includes('flags=knife') && r.url().includes('hours='),
    );
    await flags.getByRole('checkbox', { name: 'Knife or sharp object' }).check();
    const response = await filtered;
    const params = new URL(response.url()).searchParams;
    expect([params.get('weekdays'), params.get('hours'), params.get('flags')]).toEqual(['5,6', '22-4', 'knife']);
    const after = await cellsBody(response);
    await drawnMap(page, after);
    // Fewer incidents: only Friday and Saturday nights with a knife.
    expect(total(after.cells)).toBeLessThan(total(before.cells));
    expect(after.cells.length).toBeLessThan(before.cells.length);

    // The filter travels in the URL, and the section's summary says what is filtered.
    const url = new URL(page.url());
    expect([url.searchParams.get('weekdays'), url.searchParams.get('hours'), url.searchParams.get('flags')]).toEqual([
      '5,6',
      '22-4',
      'knife',
    ]);
    const summary = page.locator('details.control-section > summary', { hasText: 'Filters' });
    expect(await summary.textContent()).toContain('Fri–Sat 22:00–04:00; knife');
    await page.screenshot({ path: `${SCREENSHOTS}filters.png` });

    // Clearing drops every filter from the request.
    const cleared = page.waitForResponse((r) => r.url().includes('/api/cells?') && !r.url().includes('flags='));
    await page.getByRole('button', { name: 'Clear filters' }).click();
    expect(new URL((await cleared).url()).searchParams.get('weekdays')).toBeNull();
    expect(errors).toEqual([]);
  }, 240_000);
});
