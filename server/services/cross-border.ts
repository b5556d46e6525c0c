import { borderCells, type CrossBorderCell, crossBorderPattern, HOT, hotClusters } from '../analysis/cross-border.js';
import { areaCover } from '../db/areas.js';
import type { Db } from '../db/index.js';
import { type AreaSelector, areaKey } from '../domain/area.js';
import { releasedCells } from '../release/gate.js';
import { fromReleasedRule, releasedCount } from '../release/rules.js';
import { releasedHotspots } from '../release/statistics.js';
import { alignmentProblem } from './alignment.js';
import { describeSelection, type PreparedSelection, releaseOf } from './selection.js';

/** Hot spots along the boundaries of neighbouring areas: Gi* over the areas together against each alone. */

export interface CrossBorderParams {
  /** The areas, in the order of `selections` (one prepared selection each). */
  areas: readonly AreaSelector[];
  res: 7 | 8 | 9;
  k: number;
  from: string;
  to: string;
}

type Refusal = { ok: false; status: 400; body: { error: string; unaligned?: unknown } };

/** Gi* z and class of each cell of a region, from the released counts. */
function gi(
  region: readonly string[],
  released: ReadonlyMap<string, number | null>,
  threshold: number | null,
  k: number,
) {
  return releasedHotspots(region, released, threshold, k).cells.map((c) => ({
    z: c.z,
    class: c.class as number | null,
  }));
}

/** The areas' covers, or the first pair of areas that share cells. */
async function covers(db: Db, p: CrossBorderParams): Promise<string[][] | Refusal> {
  const keys = p.areas.map((a) => areaKey(a)!);
  const all = await Promise.all(p.areas.map((area) => areaCover(db, area, p.res)));
  const owner = new Map<string, number>();
  for (const [i, cover] of all.entries()) {
    for (const h of cover) {
      const other = owner.get(h);
      if (other !== undefined)
        return {
          ok: false,
          status: 400,
          body: {
            error: `${keys[other]} and ${keys[i]} overlap (they share cells): choose areas that lie side by side`,
          },
        };
      owner.set(h, i);
    }
  }
  return all;
}

/**
 * The cross-border analysis of areas side by side, each with its own prepared selection (its own
 * access check), or the refusal when their datasets do not align or the areas overlap.
 */
export async function crossBorder(db: Db, selections: readonly PreparedSelection[], p: CrossBorderParams) {
  const first = selections[0]!;
  const problem = await alignmentProblem(db, first);
  if (problem) return { ok: false, status: 400, body: problem } satisfies Refusal;
  const areaCovers = await covers(db, p);
  if (!Array.isArray(areaCovers)) return areaCovers;
  const { threshold } = first;
  const keys = p.areas.map((a) => areaKey(a)!);
  // Each area's cells as released (each area a group of its own); Gi* from them alone.
  const released = new Map(
    (await Promise.all(selections.map((s) => releasedCells(db, releaseOf(s))))).flatMap((m) => [...m]),
  );

  // Gi* over the union of the areas (one study region), and over each area alone.
  const region = areaCovers.flat();
  const combined = gi(region, released, threshold, p.k);
  const alone = areaCovers.map((cover) => gi(cover, released, threshold, p.k));
  const cells: (CrossBorderCell & { z: number | null; aloneZ: number | null })[] = [];
  for (const [i, cover] of areaCovers.entries()) {
    const offset = areaCovers.slice(0, i).reduce((a, cv) => a + cv.length, 0);
    cover.forEach((h3, j) => {
      const all = combined[offset + j]!;
      const own = alone[i]![j]!;
      cells.push({ h3, area: i, combined: all.class, z: all.z, alone: own.class, aloneZ: own.z });
    });
  }
  const border = borderCells(cells, p.k);
  const clusters = hotClusters(cells, p.areas.length);
  const straddling = new Set(clusters.filter((cl) => cl.straddles).flatMap((cl) => cl.cells));

  return {
    ok: true as const,
    value: {
      res: p.res,
      from: p.from,
      to: p.to,
      k: p.k,
      ...describeSelection(first, fromReleasedRule(threshold, 'Gi* over the areas together and each alone')),
      areas: p.areas.map((_, i) => ({
        area: keys[i]!,
        cells: areaCovers[i]!.length,
        hotAlone: alone[i]!.filter((x) => (x.class ?? 0) >= HOT).length,
      })),
      adjacent: border.size > 0,
      method: {
        statistic: 'Getis-Ord Gi*',
        weights: `binary, ${p.k}-ring of H3 neighbours including the cell itself`,
        regions: `together: the union of the areas' H3 covers at resolution ${p.res} (${region.length} cells, zero counts included); alone: each area's own cover`,
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
        count: releasedCount(released, cell.h3),
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
    },
  };
}
