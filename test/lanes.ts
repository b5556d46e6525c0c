/**
 * Which test files make the fast lane (`npm run test:unit`): those that open no database, start
 * no server process and drive no browser, found by reading each file and the test helpers it
 * imports, so a new test lands in the right lane without a list to keep.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** What only an integration test does (a database, a child process, a browser). */
const INTEGRATION = /\b(openDatabase|openPglite|openPostgres|PGlite)\b|node:child_process|playwright-core/;

/**
 * Pure, but slow: brute-force oracles over the real geography (Gi* against a double loop, area
 * lookup against point-in-polygon, the geodata's topology). They run in the full suite only.
 */
const SLOW_PURE = ['test/analysis/getis-ord.test.ts', 'test/geo/area-index.test.ts', 'test/geodata/geodata.test.ts'];

/** The fast lane's files, relative to `root` (the repository). */
export function unitTestFiles(root: string): string[] {
  const testDir = join(root, 'test');
  const files = (readdirSync(testDir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => join('test', f).split('\\').join('/'))
    .sort();
  const memo = new Map<string, boolean>();
  return files.filter((f) => !SLOW_PURE.includes(f) && !needsIntegration(join(root, f), testDir, memo));
}

/** True when the file, or a test module it imports (transitively), does what only integration tests do. */
function needsIntegration(path: string, testDir: string, memo: Map<string, boolean>): boolean {
  const known = memo.get(path);
  if (known !== undefined) return known;
  memo.set(path, false); // an import cycle adds nothing
  const source = readFileSync(path, 'utf8');
  const result =
    INTEGRATION.test(source) ||
    localImports(source, path, testDir).some((imported) => needsIntegration(imported, testDir, memo));
  memo.set(path, result);
  return result;
}

/** Relative imports that stay inside test/ (helpers); server code is what the tests exercise. */
function localImports(source: string, path: string, testDir: string): string[] {
  return [...source.matchAll(/from\s+'(\.{1,2}\/[^']+)'|import\('(\.{1,2}\/[^']+)'\)/g)]
    .map((m) => resolve(dirname(path), (m[1] ?? m[2])!.replace(/\.js$/, '.ts')))
    .filter((p) => !relative(testDir, p).startsWith('..') && existsSync(p));
}
