import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import type { Db } from '../../server/db/index.js';

describe('caching headers of the built client', () => {
  const root = mkdtempSync(join(tmpdir(), 'hotspot-static-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>hotspot</title>');
  writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
  // Static files never reach the database.
  const app = createApp({} as Db, { staticRoot: root });

  it('marks hashed build files immutable, and not the page that names them', async () => {
    const asset = await app.request('/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await asset.text()).toBe('console.log(1)');
    const page = await app.request('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control') ?? '').not.toContain('immutable');
    expect(await page.text()).toContain('<title>hotspot</title>');
    // A build file that is not there (a page from an older build) is a 404, not the page kept forever.
    const missing = await app.request('/assets/gone-000.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control') ?? '').not.toContain('immutable');
  });
});
