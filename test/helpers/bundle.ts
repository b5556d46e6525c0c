import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The chunks a built module loads before it runs: itself and its static imports, transitively
 * (`import … from "./x.js"` and `import "./x.js"`; dynamic `import()` is left out, as the browser
 * loads those only when the code asks).
 */
export function staticImportClosure(assetsDir: string, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const code = readFileSync(join(assetsDir, name), 'utf8');
    for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([^"']+\.m?js)["']/g)) visit(m[1]!);
  };
  visit(entry);
  return [...seen];
}
