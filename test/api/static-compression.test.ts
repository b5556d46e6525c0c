/**
 * The built client (dist/, from `vite build`, which `npm test` runs first) as the server sends it:
 * pre-compressed brotli and gzip files chosen by Accept-Encoding, and a sign-in page whose code
 * holds no map library (the pages are lazy chunks; client/Root.tsx, vite.config.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import type { Db } from '../../server/db/index.js';
import { staticImportClosure } from '../helpers/bundle.js';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

describe('the built client', () => {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is missing: run `npx vite build` first');
  // Static files never reach the database.
  const app = createApp({} as Db, { staticRoot: DIST });
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const entry = /<script type="module" crossorigin src="\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  const assets = join(DIST, 'assets');

  it('sends an asset pre-compressed as brotli or gzip, whichever the browser accepts, with the same bytes', async () => {
    expect(entry).toBeDefined();
    const path = `/assets/${entry}`;
    const original = readFileSync(join(assets, entry!));
    expect(original.length).toBeGreaterThan(5_000);

    const br = await app.request(path, { headers: { 'Accept-Encoding': 'gzip, deflate, br, zstd' } });
    expect(br.status).toBe(200);
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toMatch(/Accept-Encoding/i);
    expect(br.headers.get('content-type')).toMatch(/javascript/);
    expect(br.headers.get('cache-control')).toContain('immutable');
    const brBytes = Buffer.from(await br.arrayBuffer());
    expect(brBytes.length).toBeLessThan(original.length / 2);
    expect(brotliDecompressSync(brBytes).equals(original)).toBe(true);

    const gz = await app.request(path, { headers: { 'Accept-Encoding': 'gzip, deflate' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gz.headers.get('vary')).toMatch(/Accept-Encoding/i);
    const gzBytes = Buffer.from(await gz.arrayBuffer());
    expect(gunzipSync(gzBytes).equals(original)).toBe(true);
    expect(gzBytes.length).toBeGreaterThan(brBytes.length);

    const plain = await app.request(path);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(Buffer.from(await plain.arrayBuffer()).equals(original)).toBe(true);
  });

  it('sends the stylesheet and the MapLibre worker pre-compressed too', async () => {
    const css = /href="\/assets\/([^"]+\.css)"/.exec(html)?.[1];
    const worker = findAsset(/^maplibre-gl-worker-.*\.mjs$/);
    expect(css).toBeDefined();
    for (const name of [css!, worker]) {
      const response = await app.request(`/assets/${name}`, { headers: { 'Accept-Encoding': 'br' } });
      expect(response.headers.get('content-encoding')).toBe('br');
      expect(
        brotliDecompressSync(Buffer.from(await response.arrayBuffer())).equals(readFileSync(join(assets, name))),
      ).toBe(true);
    }
  });

  it('loads no MapLibre or deck.gl code on the sign-in page; the map page has them in chunks of their own', () => {
    const signIn = staticImportClosure(assets, entry!);
    const code = signIn.map((name) => readFileSync(join(assets, name), 'utf8')).join('\n');
    expect(signIn.some((name) => /maplibre|deckgl/.test(name))).toBe(false);
    // The libraries' own code, not just the chunk names: MapLibre's Map class and deck.gl's Deck.
    expect(code).not.toContain('maplibregl-map');
    expect(code).not.toContain('deck.gl');
    const total = signIn.reduce((sum, name) => sum + readFileSync(join(assets, name)).length, 0);
    expect(total).toBeLessThan(400_000);

    const mapPage = findAsset(/^App-.*\.js$/);
    const mapClosure = staticImportClosure(assets, mapPage);
    expect(mapClosure.some((name) => /^maplibre-.*\.js$/.test(name))).toBe(true);
    expect(mapClosure.some((name) => /^deckgl-.*\.js$/.test(name))).toBe(true);
  });

  function findAsset(pattern: RegExp): string {
    const names = readdirSync(assets).filter((n) => pattern.test(n));
    expect(names).toHaveLength(1);
    return names[0]!;
  }
});
