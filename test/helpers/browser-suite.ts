import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser.js';
import { startTestServer, type TestServer, type TestServerOptions } from './test-server.js';

/** The bundled restricted local police extract (times and flags), for tests that need them. */
export const LOCAL_EXTRACT = fileURLToPath(
  new URL('../../geodata/sample/restricted/local-police-gwent-south-wales.csv.gz', import.meta.url),
);

/**
 * One test server and one Chromium for a describe block: started before its tests, closed after.
 * Read `suite.server` and `suite.browser` inside the tests (they exist once beforeAll has run).
 */
export function browserSuite(options: TestServerOptions = {}): { server: TestServer; browser: Browser } {
  const suite = {} as { server: TestServer; browser: Browser };
  beforeAll(async () => {
    suite.server = await startTestServer(options);
    suite.browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}
