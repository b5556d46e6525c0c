import type { HotspotResult, Inference } from '../analysis/hotspots.js';
import { MAX_RING, MIN_NEIGHBOURS } from '../analysis/neighbourhood.js';
import { PERMUTATION_SEED, PERMUTATIONS } from '../analysis/permutation.js';

/** The `method` wording of Gi*'s weights, inference and classes, shared by every answer that uses Gi*. */

/** The neighbourhood used, and how it was chosen. */
export function giWeights(r: Pick<HotspotResult, 'k' | 'auto' | 'fewestNeighbours' | 'shortOfNeighbours'>): string {
  const ring = `binary, the ${r.k}-ring of H3 neighbours in the region including the cell itself`;
  const chosen = r.auto
    ? `, chosen automatically as the smallest ring in which every cell has at least ${MIN_NEIGHBOURS} neighbours in the region (ArcGIS's advice; a ring of 1 has at most 6)`
    : ', as requested';
  const short = r.shortOfNeighbours.length
    ? `; ${r.shortOfNeighbours.length} cell(s) in parts of the region apart from the rest have fewer than ${MIN_NEIGHBOURS}${r.auto ? ` even at ${MAX_RING} rings` : ''}`
    : '';
  return `${ring}${chosen} (fewest neighbours of any cell: ${r.fewestNeighbours})${short}`;
}

export function giInference(inference: Inference): string {
  return inference === 'permutation'
    ? `conditional permutation (PySAL esda G_Local, star=True): ${PERMUTATIONS} permutations of the other cells' counts around each cell's own, seeded (${PERMUTATION_SEED}) so results repeat; pseudo p = (M + 1)/(R + 1), M the permutations at least as extreme in the direction observed (one-sided, folded as esda does; ties count on both sides)`
    : 'normal approximation: two-sided p from z';
}

export function giClasses(inference: Inference): string {
  return inference === 'permutation'
    ? 'hot/cold at 99%, 95%, 90% confidence from the adjusted pseudo p, hot where the local sum is in the upper tail of its permutations (ArcGIS Gi_Bin levels)'
    : 'hot/cold at 99%, 95%, 90% confidence from the adjusted p, by the sign of z (ArcGIS Gi_Bin)';
}

/** A plain note where no arrangement of these counts could make any cell a cold spot. */
export function coldSpotsNote(r: Pick<HotspotResult, 'coldSpotsPossible'>): { possible: boolean; note: string | null } {
  return {
    possible: r.coldSpotsPossible,
    note: r.coldSpotsPossible
      ? null
      : 'Cold spots cannot occur in this region: with these counts (mostly zero cells), even a neighbourhood of the smallest counts would not be significantly low, so only hot spots can be found.',
  };
}
