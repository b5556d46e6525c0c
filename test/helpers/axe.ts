import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** axe-core's rules for WCAG 2.0, 2.1 and 2.2 at levels A and AA (2.2 adds target size, 2.5.8). */
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

// The engine is read from node_modules and evaluated in the page (through the DevTools protocol,
// which the app's content-security policy rightly does not let an inline <script> do), so the
// check runs air-gapped.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** Each failing element's CSS selector and axe's summary of what is wrong with it. */
  nodes: { target: string; summary: string }[];
}

/** Runs axe-core on the page as it now stands and returns the WCAG 2.2 AA violations, readably. */
export async function axeViolations(page: Page, tags: readonly string[] = WCAG_22_AA): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(
    async (runOnly) => {
      type AxeResults = {
        violations: {
          id: string;
          impact: string | null;
          help: string;
          nodes: { target: unknown[]; failureSummary?: string }[];
        }[];
      };
      const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<AxeResults> } }).axe;
      const results = await axe.run(document, {
        runOnly: { type: 'tag', values: runOnly },
        resultTypes: ['violations'],
      });
      return results.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary ?? '' })),
      }));
    },
    [...tags],
  );
}
