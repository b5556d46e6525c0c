/**
 * End-to-end: the area time profile on the map page in headless Chromium. For police.uk data
 * (month precision) the server refuses and the panel shows its reason instead of a grid; for the
 * restricted local police extract (with times) the panel draws the 168 hours of the week exactly
 * as the API released them, withheld hours hatched and never drawn as zero.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
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

interface TimeProfileAnswer {
  restricted: boolean;
  threshold: number | null;
  counts: (number | null)[][];
}

/** Every hour of the grid as drawn: its slot and its count (or "withheld"). */
const drawnSlots = (page: Page) =>
  page
    .locator('.time-profile-panel rect.week-slot')
    .evaluateAll((rects) => rects.map((r) => [r.getAttribute('data-slot'), r.getAttribute('data-count')]));

describe.skipIf(!hasChromium)('the area time profile in the browser', () => {
  const suite = browserSuite({ restrictedFiles: [LOCAL_EXTRACT] });

  it('shows the refusal for month-precision data and the released week for the local extract', async () => {
    const { browser, server } = suite;
    const { page, errors } = await airGappedPage(browser, server.url, { width: 1400, height: 1000 });
    const first = page.waitForResponse((r) => r.url().includes('/api/cells?'));
    await signInThroughPage(page, server.url, server.analyst);
    await drawnMap(page, await cellsBody(await first));

    // police.uk: month precision, so the server refuses and the panel says why, with no grid.
    const refused = page.waitForResponse((r) => r.url().includes('/api/time-profile?'));
    await page.getByRole('button', { name: 'Time profile' }).click();
    expect((await refused).status()).toBe(400);
    const panel = page.locator('.time-profile-panel');
    await expect
      .poll(() => panel.locator('.time-profile-refused').textContent())
      .toMatch(/No time profile for this selection: a day-by-hour profile needs times: .*has month precision/);
    expect(await panel.locator('rect.week-slot').count()).toBe(0);

    // The local extract alone: it has times, so the week is drawn as released.
    await openControls(page, 'Area and data');
    await page.getByRole('checkbox', { name: /Gwent Police \(data\.police\.uk\)/ }).uncheck();
    const answered = page.waitForResponse((r) => r.url().includes('/api/time-profile?') && r.status() === 200);
    await page.getByRole('checkbox', { name: /Local police extract/ }).check();
    const body = (await (await answered).json()) as TimeProfileAnswer;
    expect(body.restricted).toBe(true);
    expect(body.counts.flat()).toHaveLength(168);
    expect(body.counts.flat().some((n) => (n ?? 0) > 0)).toBe(true);
    const expected = body.counts.flatMap((row, day) =>
      row.map((n, hour) => [`${day}-${hour}`, n === null ? 'withheld' : String(n)]),
    );
    await expect.poll(() => drawnSlots(page), { timeout: 30_000 }).toEqual(expected);
    // Withheld hours are hatched (a pattern), never a fill that reads as zero.
    const withheldFills = await panel
      .locator('rect.week-slot[data-count="withheld"]')
      .evaluateAll((rects) => rects.map((r) => r.getAttribute('fill')));
    expect(withheldFills.every((f) => f?.startsWith('url(#'))).toBe(true);
    if (withheldFills.length > 0) expect(await panel.textContent()).toContain('withheld to protect restricted data');
    expect(await panel.locator('.time-profile-busiest').textContent()).toMatch(
      /^The busiest hours? of the week (is|are) /,
    );
    // The table alternative holds the same figures.
    await panel.getByText('Show as a table').click();
    const mondayRow = await panel
      .locator('table.week-table tbody tr')
      .first()
      .locator('td')
      .evaluateAll((cells) => cells.slice(0, 24).map((c) => (c.textContent ?? '').trim()));
    expect(mondayRow).toEqual(body.counts[0]!.map((n) => (n === null ? 'withheld' : n.toLocaleString('en-GB'))));
    await panel.getByText('Show as a table').click();

    await page.screenshot({ path: `${SCREENSHOTS}time-profile.png` });
    expect(errors).toEqual([]);
  });
});
