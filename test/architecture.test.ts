/**
 * The layering of the code, enforced: data flows ingest -> db -> analysis -> services -> routes
 * -> client, and each layer imports only what lies below it. The rules are pure functions of a
 * file's path and its import specifiers, so the second half of this file checks that each rule
 * fails on the imports the tree held before issue 23 (the violations it was written to end).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every module a file imports or re-exports (types included: a type import is still a dependency of the layer). */
function specifiers(text: string): string[] {
  const found = text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g);
  return [...found].map((m) => (m[1] ?? m[2])!);
}

/** A file's imports: relative ones resolved to paths from the repository root, packages as they are. */
function importsOf(file: string, text: string): string[] {
  return specifiers(text).map((s) =>
    s.startsWith('.') ? normalize(join(dirname(file), s)).replace(/\.js$/, '.ts') : s,
  );
}

const layerOf = (path: string) => /^server\/([^/]+)\//.exec(path)?.[1] ?? null;

/** Packages the pure layers (domain, analysis) may use: computation only, no IO. */
const PURE_PACKAGES = [/^h3-js$/, /^zod$/, /^@stdlib\//, /^@turf\//];
const pure = (spec: string) => PURE_PACKAGES.some((p) => p.test(spec));

/** Which server layers each layer may import (itself always). */
const MAY_IMPORT: Record<string, readonly string[]> = {
  domain: [],
  analysis: ['domain'],
  geo: ['domain', 'analysis'],
  db: ['domain', 'analysis', 'geo'],
  ingest: ['domain', 'analysis', 'geo', 'db'],
  release: ['domain', 'analysis', 'geo', 'db', 'ingest'],
  export: ['domain', 'analysis', 'geo'],
  services: ['domain', 'analysis', 'geo', 'db', 'release', 'export'],
  auth: ['domain', 'analysis', 'db', 'http'],
  http: ['domain', 'analysis', 'geo', 'db', 'ingest', 'release', 'auth', 'services', 'export'],
  routes: ['domain', 'analysis', 'geo', 'db', 'release', 'auth', 'services', 'http', 'export', 'ingest'],
};

/** The broken rules of one server file, in words. */
function serverViolations(path: string, imports: readonly string[]): string[] {
  const layer = layerOf(path);
  if (!layer || !(layer in MAY_IMPORT)) return [];
  const problems: string[] = [];
  for (const spec of imports) {
    const target = layerOf(spec);
    if (spec.startsWith('server/') && target && target !== layer && !MAY_IMPORT[layer]!.includes(target))
      problems.push(`${path}: the ${layer} layer imports ${spec}`);
    if (layer === 'routes' && target === 'routes') problems.push(`${path}: a route imports another route, ${spec}`);
    if ((layer === 'analysis' || layer === 'domain') && !spec.startsWith('server/') && !pure(spec))
      problems.push(`${path}: the pure ${layer} layer imports ${spec}`);
    if (layer === 'services' && /^hono/.test(spec))
      problems.push(`${path}: a service imports ${spec} (services take plain data)`);
  }
  return problems;
}

/** The feature folders of the client that import each other in a cycle, as `a -> b -> a`. */
function clientCycles(edges: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (node: string, path: string[]) => {
    state.set(node, 'open');
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), next].join(' -> '));
      else if (!state.has(next)) visit(next, [...path, next]);
    }
    state.set(node, 'done');
  };
  for (const node of [...edges.keys()].sort()) if (!state.has(node)) visit(node, [node]);
  return cycles;
}

/** Route handlers (the last function of a `.get(...)`, `.post(...)` ...) longer than `max` lines. */
function longHandlers(path: string, text: string, max: number): string[] {
  const lines = text.split('\n');
  const long: string[] = [];
  lines.forEach((line, start) => {
    if (!/async \(c\) => \{\s*$/.test(line)) return;
    let depth = 0;
    for (let i = start; i < lines.length; i++) {
      for (const ch of lines[i]!) depth += ch === '{' ? 1 : ch === '}' ? -1 : 0;
      if (depth === 0) {
        const length = i - start + 1;
        if (length > max) long.push(`${path}:${start + 1}: a handler of ${length} lines`);
        return;
      }
    }
  });
  return long;
}

const files = [...sources(join(ROOT, 'server')), ...sources(join(ROOT, 'client'))].map((file) => {
  const path = relative(ROOT, file);
  return { path, text: readFileSync(file, 'utf8') };
});
const withImports = files.map((f) => ({ ...f, imports: importsOf(f.path, f.text) }));

function clientEdges(list: readonly { path: string; imports: readonly string[] }[]) {
  const featureOf = (p: string) => /^client\/([^/]+)\//.exec(p)?.[1] ?? null;
  const edges = new Map<string, Set<string>>();
  for (const f of list) {
    const from = featureOf(f.path);
    if (!from) continue;
    for (const spec of f.imports) {
      const to = featureOf(spec);
      if (to && to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(to));
    }
  }
  return edges;
}

describe('the layering of the code', () => {
  it('keeps every server layer to the layers below it, and the pure layers pure', () => {
    expect(withImports.flatMap((f) => serverViolations(f.path, f.imports))).toEqual([]);
  });

  it('has no cycle between the client feature folders', () => {
    expect(clientCycles(clientEdges(withImports))).toEqual([]);
  });

  it('keeps route handlers short: validate, call a service, respond', () => {
    const routes = files.filter((f) => f.path.startsWith('server/routes/'));
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.flatMap((f) => longHandlers(f.path, f.text, 40))).toEqual([]);
  });

  it('reads the prepared selection only behind the selection middleware that prepares it', () => {
    const readers = files.filter((f) => f.path.startsWith('server/routes/') && /c\.var\.selections?\b/.test(f.text));
    expect(readers.length).toBeGreaterThan(5);
    for (const f of readers) expect(f.text, f.path).toMatch(/\bselection\(/);
  });
});

describe('the rules catch what the tree held before issue 23', () => {
  const before: [string, string][] = [
    ['server/analysis/group-alignment.ts', 'server/ingest/offence-groups.ts'],
    ['server/db/areas.ts', 'server/routes/area-param.ts'],
    ['server/db/cells.ts', 'server/routes/area-param.ts'],
    ['server/auth/policy.ts', 'server/routes/env.ts'],
    ['server/auth/dataset-access.ts', 'server/routes/area-param.ts'],
    ['server/release/gate.ts', 'server/routes/area-param.ts'],
    ['server/routes/panels.ts', 'server/routes/change.ts'],
    ['server/routes/summary.ts', 'server/routes/cells.ts'],
    ['server/services/panel-setup.ts', 'server/routes/area-param.ts'],
  ];
  it.each(before)('%s importing %s', (path, spec) => {
    expect(serverViolations(path, [spec])).toHaveLength(1);
  });
  it('node:fs in the pure layer', () => {
    expect(serverViolations('server/analysis/definitions.ts', ['node:fs'])).toHaveLength(1);
    expect(serverViolations('server/analysis/kde.ts', ['h3-js', 'server/domain/area.ts'])).toEqual([]);
  });
  it('a cycle between client features', () => {
    const edges = new Map([
      ['compare', new Set(['map'])],
      ['map', new Set(['hotspots'])],
      ['hotspots', new Set(['compare'])],
    ]);
    expect(clientCycles(edges)).toEqual(['compare -> map -> hotspots -> compare']);
    expect(clientCycles(new Map([['compare', new Set(['map'])]]))).toEqual([]);
  });
  it('a long handler', () => {
    const handler = ["  .get('/x', async (c) => {", ...Array(45).fill('    work();'), '  })'].join('\n');
    expect(longHandlers('server/routes/x.ts', handler, 40)).toEqual(['server/routes/x.ts:1: a handler of 47 lines']);
  });
});
