/**
 * Screenshot of a running app in Debian's Chromium, to look at what users see.
 *   npx tsx scripts/screenshot.ts [url] [out.png] [waitSelector]
 */
import { chromium } from 'playwright-core';

const [url = 'http://localhost:8787', out = 'test/artifacts/screenshot.png', selector = '#map[data-status="ready"]'] =
  process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--use-angle=swiftshader',
    '--enable-unsafe-swiftshader',
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(url);
  await page.waitForSelector(selector, { timeout: 60_000 });
  await page.waitForTimeout(1500);
  await page.screenshot({ path: out });
  console.log(`saved ${out}`);
} finally {
  await browser.close();
}
