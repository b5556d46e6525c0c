import { getResolution, isValidCell } from 'h3-js';
import { z } from 'zod';

/** The most cells an area given as a list may have (the list travels in the URL). */
export const MAX_AREA_CELLS = 2000;

type NamedArea = { kind: 'lad' | 'pfa'; code: string } | { kind: 'partnership'; id: number };
/** An area drawn as H3 cells, all of one resolution 7-9. */
export type CellListArea = { kind: 'cells'; res: 7 | 8 | 9; cells: string[] };
export type AreaSelector = NamedArea | CellListArea;

/** `lad:..`, `pfa:..` or `partnership:..` as the grant table stores it; `cells:..` for a list of cells. */
export function areaKey(area: AreaSelector | undefined | null): string | null {
  if (!area) return null;
  return area.kind === 'cells'
    ? `cells:${area.cells.join(',')}`
    : `${area.kind}:${area.kind === 'partnership' ? area.id : area.code}`;
}

/** `lad:W06000022`, `pfa:W15000002`, `partnership:12`, or `cells:88195b...,88195b...` (H3 cells of one resolution 7-9). */
export const areaParam = z.string().transform((s, ctx): AreaSelector => {
  if (/^(lad|pfa):[EW]\d{8}$/.test(s)) {
    const [kind, code] = s.split(':') as ['lad' | 'pfa', string];
    return { kind, code };
  }
  if (/^partnership:\d+$/.test(s)) return { kind: 'partnership', id: Number(s.slice(12)) };
  if (s.startsWith('cells:')) {
    const cells = [...new Set(s.slice(6).split(','))].sort();
    const invalid = cells.filter((h) => !isValidCell(h));
    const resolutions = new Set(cells.filter(isValidCell).map(getResolution));
    const res = [...resolutions][0]!;
    const problem =
      invalid.length > 0
        ? `not H3 cells: ${invalid.slice(0, 3).join(', ')}${invalid.length > 3 ? ' …' : ''}`
        : cells.length > MAX_AREA_CELLS
          ? `at most ${MAX_AREA_CELLS} cells (got ${cells.length})`
          : resolutions.size > 1
            ? `cells of one resolution only (got ${[...resolutions].sort().join(', ')})`
            : res < 7 || res > 9
              ? `cells of resolution 7 to 9 (got ${res})`
              : null;
    if (!problem) return { kind: 'cells', res: res as 7 | 8 | 9, cells };
    ctx.addIssue({ code: 'custom', message: `an area given as cells needs ${problem}` });
    return z.NEVER;
  }
  ctx.addIssue({ code: 'custom', message: 'expected lad:CODE, pfa:CODE, partnership:ID or cells:H3,H3,...' });
  return z.NEVER;
});
