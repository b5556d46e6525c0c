import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Context } from 'hono';
import { storedGeodataVersion } from '../db/app-state.js';
import type { Db } from '../db/index.js';
import type { AppEnv } from './env.js';
import type { PreparedSelection } from './prepare-selection.js';

/**
 * Computed results kept in memory, keyed on the request and the version of everything the
 * result is made from: each dataset's latest import and disclosure settings, and the geography
 * version. A result for the same key can only be the same, so a panel of 30 people opening the
 * same map costs one computation. The access checks run before the lookup (prepareSelection)
 * and the audit after it, on every request. Results that depend on more than the datasets and
 * the geography (settings nearby, reviews) are not kept here.
 */
const MAX_BYTES = 256 * 1024 * 1024;
interface Entry {
  text: string;
  etag: string;
  value: unknown;
  gzipped?: Buffer;
}
const caches = new WeakMap<
  Db,
  { entries: Map<string, Entry>; bytes: number; computing: Map<string, Promise<Entry>> }
>();

async function keyOf(c: Context<AppEnv>, prepared: PreparedSelection): Promise<string> {
  const url = new URL(c.req.url);
  const query = [...url.searchParams]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const versions = prepared.datasets.map((d) => `${d.id}@${d.lastImport}/${d.sensitivity}/${d.threshold}`).join(',');
  return `${url.pathname}?${query}|${versions}|${(await storedGeodataVersion(c.get('db'))) ?? 'none'}`;
}

/** The result for this request, computed once per data version; with its JSON text and ETag. */
export async function cachedResult<T>(
  c: Context<AppEnv>,
  prepared: PreparedSelection,
  compute: () => Promise<T>,
): Promise<{ value: T; text: string; etag: string }> {
  // HOTSPOT_RESULT_CACHE=off computes every request (for benchmarks that measure the computation).
  if (process.env.HOTSPOT_RESULT_CACHE === 'off') return withText(await compute());
  const db = c.get('db');
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = { entries: new Map(), bytes: 0, computing: new Map() }));
  const key = await keyOf(c, prepared);
  const hit = cache.entries.get(key);
  if (hit) {
    cache.entries.delete(key); // re-insert: Map order is recency
    cache.entries.set(key, hit);
    return hit as { value: T; text: string; etag: string };
  }
  // Requests for a result already being computed wait for it: a panel opening the same map
  // at once costs one computation, not one each (32 at once took seconds).
  let computing = cache.computing.get(key);
  if (!computing) {
    computing = compute().then(withText);
    cache.computing.set(key, computing);
    const done = () => cache.computing.delete(key);
    computing.then((entry) => (done(), keep(cache, key, entry)), done);
  }
  return (await computing) as { value: T; text: string; etag: string };
}

function keep(cache: { entries: Map<string, Entry>; bytes: number }, key: string, entry: Entry) {
  cache.entries.set(key, entry);
  cache.bytes += entry.text.length;
  while (cache.bytes > MAX_BYTES && cache.entries.size > 1) {
    const [oldest, old] = cache.entries.entries().next().value!;
    cache.entries.delete(oldest);
    cache.bytes -= old.text.length;
  }
}

function withText<T>(value: T) {
  const text = JSON.stringify(value);
  return { value, text, etag: `"${createHash('sha1').update(text).digest('hex')}"` };
}

/**
 * Sends a result's JSON text as it is (no second stringify), typed as `c.json` would be; to a
 * client that accepts gzip (every browser), compressed once and kept with the result.
 */
export function sendCached<T>(c: Context<AppEnv>, result: { value: T; text: string; etag: string }) {
  const entry = result as Entry;
  c.header('content-type', 'application/json');
  c.header('vary', 'Accept-Encoding');
  if (/\bgzip\b/.test(c.req.header('accept-encoding') ?? '') && entry.text.length > 1024) {
    entry.gzipped ??= gzipSync(entry.text);
    c.header('content-encoding', 'gzip');
    c.header('etag', `W/${entry.etag}`);
    return c.body(
      new Uint8Array(entry.gzipped.buffer as ArrayBuffer, entry.gzipped.byteOffset, entry.gzipped.byteLength),
      200,
    ) as unknown as ReturnType<typeof c.json<T, 200>>;
  }
  c.header('etag', entry.etag);
  return c.body(entry.text, 200) as unknown as ReturnType<typeof c.json<T, 200>>;
}
