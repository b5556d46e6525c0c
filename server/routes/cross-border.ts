import { Hono } from 'hono';
import { z } from 'zod';
import { borderCells, crossBorderPattern, HOT, hotClusters, type CrossBorderCell } from '../analysis/cross-border.js';
import { hotspots } from '../analysis/hotspots.js';
import { releasedCells } from '../release/gate.js';
import { statValues } from '../release/rules.js';
import { fromReleasedRule } from './cells.js';
import { areaKey } from '../domain/area.js';
import { allow } from '../auth/policy.js';
import { areaCover } from '../db/areas.js';
import { alignmentProblem } from '../services/alignment.js';
import { areaList } from '../http/area-list.js';
import type { AppEnv } from '../http/env.js';
import {
  auditRestrictedAnalysis,
  describeSelection,
  prepareSelection,
  releaseOf,
  type PreparedSelection,
} from '../http/prepare-selection.js';
import { selectionFields, selectionSchema } from '../http/selection-params.js';
import { validate } from '../http/validate.js';

const { area: _area, res: _res, ...rest } = selectionFields;

const crossBorderQuery = selectionSchema({
  ...rest,
  areas: areaList(2, 4),
  res: z
    .enum(['7', '8', '9'])
    .default('8')
    .transform((r) => Number(r) as 7 | 8 | 9),
  k: z.enum(['1', '2', '3']).default('1').transform(Number),
});

/** Gi* z and class of each cell of a region. */
function gi(region: readonly string[], counts: ReadonlyMap<string, number>, k: number) {
  return hotspots(region, counts, k).cells.map((c) => ({ z: c.z, class: c.class as number | null }));
}

export const crossBorderRoutes = new Hono<AppEnv>().get(
  '/cross-border',
  allow.signedIn({ datasets: true }),
  validate('query', crossBorderQuery),
  async (c) => {
    const q = c.req.valid('query');
    const db = c.get('db');
    // Every area goes through the access policy on its own: a grant limited to one side does not open the other.
    const preparedAreas: PreparedSelection[] = [];
    for (const area of q.areas) {
      const prepared = await prepareSelection(c, { ...q, area });
      if (!prepared.ok)
        return c.json({ ...prepared.body, error: `${areaKey(area)}: ${prepared.body.error}` }, prepared.status);
      preparedAreas.push(prepared.value);
    }
    const first = preparedAreas[0]!;
    const problem = await alignmentProblem(db, first);
    if (problem) return c.json(problem, 400);
    const { threshold } = first;
    const keys = q.areas.map((a) => areaKey(a)!);

    const covers = await Promise.all(q.areas.map((area) => areaCover(db, area, q.res)));
    const owner = new Map<string, number>();
    for (const [i, cover] of covers.entries()) {
      for (const h of cover) {
        const other = owner.get(h);
        if (other !== undefined)
          return c.json(
            { error: `${keys[other]} and ${keys[i]} overlap (they share cells): choose areas that lie side by side` },
            400,
          );
        owner.set(h, i);
      }
    }
    // Each area's cells as released (each area a group of its own); Gi* from them alone.
    const released = new Map(
      (await Promise.all(preparedAreas.map((p) => releasedCells(db, releaseOf(p))))).flatMap((m) => [...m]),
    );
    const counts = statValues(released, threshold);

    // Gi* over the union of the areas (one study region), and over each area alone.
    const region = covers.flat();
    const combined = gi(region, counts, q.k);
    const alone = covers.map((cover) => gi(cover, counts, q.k));
    const cells: (CrossBorderCell & { z: number | null; aloneZ: number | null })[] = [];
    for (const [i, cover] of covers.entries()) {
      const offset = covers.slice(0, i).reduce((a, cv) => a + cv.length, 0);
      cover.forEach((h3, j) => {
        const all = combined[offset + j]!;
        const own = alone[i]![j]!;
        cells.push({ h3, area: i, combined: all.class, z: all.z, alone: own.class, aloneZ: own.z });
      });
    }
    const border = borderCells(cells, q.k);
    const clusters = hotClusters(cells, q.areas.length);
    const straddling = new Set(clusters.filter((cl) => cl.straddles).flatMap((cl) => cl.cells));
    await auditRestrictedAnalysis(c, { ...first, echo: { ...first.echo, area: keys.join(',') } }, 'cross-border', {
      cells: cells.length,
      straddling: clusters.filter((cl) => cl.straddles).length,
    });

    return c.json({
      res: q.res,
      from: q.from,
      to: q.to,
      k: q.k,
      ...describeSelection(first, fromReleasedRule(threshold, 'Gi* over the areas together and each alone')),
      areas: q.areas.map((a, i) => ({
        area: keys[i]!,
        cells: covers[i]!.length,
        hotAlone: alone[i]!.filter((x) => (x.class ?? 0) >= HOT).length,
      })),
      adjacent: border.size > 0,
      method: {
        statistic: 'Getis-Ord Gi*',
        weights: `binary, ${q.k}-ring of H3 neighbours including the cell itself`,
        regions: `together: the union of the areas' H3 covers at resolution ${q.res} (${region.length} cells, zero counts included); alone: each area's own cover`,
        correction: 'Benjamini-Hochberg false discovery rate over each region',
        hot: 'a hot spot is Gi_Bin 2 or 3 (95% confidence or more)',
        patterns:
          "both: hot together and alone; cross-border: hot only together, within k steps of another area or in a cluster that straddles a boundary; combined-only: hot only together away from any boundary (the wider region's mean moved it); alone-only: hot alone but not together",
        clusters:
          'hot spots together, joined where cells share an edge; a cluster straddles when it has cells in more than one area',
        groups:
          'datasets are combined only where each records the selected offence groups at the same level (see unaligned errors)',
      },
      cells: cells.map((cell) => ({
        h3: cell.h3,
        area: keys[cell.area]!,
        count: released.has(cell.h3) ? released.get(cell.h3)! : 0,
        z: cell.z,
        class: cell.combined,
        aloneZ: cell.aloneZ,
        aloneClass: cell.alone,
        pattern: crossBorderPattern(cell, border.has(cell.h3) || straddling.has(cell.h3)),
        border: border.has(cell.h3),
      })),
      clusters: clusters.map((cl) => ({
        cells: cl.cells,
        byArea: Object.fromEntries(keys.map((k, i) => [k, cl.byArea[i]!])),
        straddles: cl.straddles,
        combinedOnly: cl.combinedOnly,
      })),
    });
  },
);
