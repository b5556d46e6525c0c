/**
 * A new installation's first administrator, as the README describes it: `npm start` prints a
 * one-time link for admin@localhost; the admin opens it, chooses a password, signs out, and signs
 * in again with that password (which once failed: the sign-in form refused admin@localhost).
 */
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { airGappedPage, hasChromium, launchChromium } from '../helpers/browser.js';
import { startServer, stopServer, type RunningServer } from '../helpers/server-process.js';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const PASSWORD = 'harbour lantern quietly seven';

describe.skipIf(!hasChromium)('the first administrator of a new installation', () => {
  let browser: Browser;
  let server: RunningServer;

  beforeAll(async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'hotspot-first-run-'));
    [browser, server] = await Promise.all([launchChromium(), startServer({ HOTSPOT_DATA_DIR: dataDir })]);
    await mkdir(ARTIFACTS, { recursive: true });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server);
  });

  // Drives the real server and Chromium through two sign-ins, each waited for up to 30 s.
  it("opens the console's one-time link, chooses a password, signs out, and signs in again with it", async () => {
    const line = await server.waitFor(/Sign in as admin@localhost \(admin\)[^\n]*\n\s*(http\S+)/);
    const link = new URL(/(http\S+)\s*$/.exec(line)![1]!);
    const { page, errors } = await airGappedPage(browser, server.url, { width: 1280, height: 800 });
    await page.goto(`${server.url}${link.pathname}${link.search}`);
    await page.locator('.user-bar').waitFor({ timeout: 30_000 });
    expect(await page.locator('.user-name').textContent()).toMatch(/Administrator · Administrator/);
    await page.getByLabel('New password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Repeat new password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Save password' }).click();
    await page.locator('.set-password').waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Email').fill('admin@localhost');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('.user-bar').waitFor({ timeout: 30_000 });
    expect(await page.getByRole('button', { name: 'Admin' }).count()).toBe(1);
    await page.screenshot({ path: `${ARTIFACTS}first-run-signed-in.png` });

    // The spent link does not sign anyone in again.
    const again = await browser.newContext();
    const other = await again.newPage();
    await other.goto(`${server.url}${link.pathname}${link.search}`);
    await other.getByRole('alert').waitFor();
    expect(await other.getByRole('alert').textContent()).toMatch(/unknown, already used or expired/);
    await again.close();
    expect(errors).toEqual([]);
  }, 120_000);
});
