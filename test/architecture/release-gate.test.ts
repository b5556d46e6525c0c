/**
 * The release gate holds by construction: only server/release/ may read a selection's true
 * counts (the counting functions of server/db/cells.ts) or apply the release rules to them
 * (server/analysis/suppress.ts, cell-key.ts). A route that tried to compute anything from true
 * counts would have to import one of them, and this test fails.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SERVER = fileURLToPath(new URL('../../server/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** The names a file imports (values, not types) from modules whose path ends with `module`. */
function importedValues(text: string, module: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s+from\s+'([^']+)'/g)) {
    if (m[1] || !m[3]!.endsWith(module)) continue;
    for (const part of m[2]!
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean))
      if (!part.startsWith('type ')) names.push(part.split(/\s+as\s+/)[0]!);
  }
  return names;
}

const GUARDED: Record<string, readonly string[]> = {
  '/db/cells.js': [
    'countByCell',
    'countByCellWithPopulation',
    'countByCellAndPeriod',
    'countByLadAndPeriod',
    'countByPeriod',
    'countByWeekdayHour',
    'countByAttribute',
    'countTotal',
    'incidentsByPosition',
  ],
  '/analysis/suppress.js': ['releaseCount', 'releaseCells', 'secondarySuppression'],
  '/analysis/cell-key.js': ['perturbation', 'combineKeys'],
};

describe('the release gate', () => {
  it('is the only reader of true counts and the only user of the release rules', () => {
    const offences: string[] = [];
    for (const file of sources(SERVER)) {
      const where = relative(SERVER, file);
      if (where.startsWith('release/') || where.startsWith('analysis/') || where === 'db/cells.ts') continue;
      const text = readFileSync(file, 'utf8');
      for (const [module, guarded] of Object.entries(GUARDED))
        for (const name of importedValues(text, module))
          if (guarded.includes(name)) offences.push(`${where} imports ${name} from ${module}`);
    }
    expect(offences).toEqual([]);
  });

  it('catches an import of a counting function (the check can fail)', () => {
    expect(importedValues("import { countByCell, type CellQuery } from '../db/cells.js';", '/db/cells.js')).toEqual([
      'countByCell',
    ]);
    expect(importedValues("import type { CellQuery } from '../db/cells.js';", '/db/cells.js')).toEqual([]);
  });
});
