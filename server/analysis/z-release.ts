import { benjaminiHochberg } from './fdr.js';
import { giBin, type GiBin } from './hotspot-class.js';
import type { HotspotCell } from './hotspots.js';
import { twoSidedP } from './normal.js';

export { giStarScales } from './getis-ord.js';

/** The rounding steps restricted z may be released at. */
export const Z_STEPS = [0.5, 1, 2, 5, 10] as const;

/**
 * The step restricted z is rounded to: the smallest of Z_STEPS at which, in every cell, a step
 * of z stands for at least k incidents of the cell's neighbourhood sum. Rounded z then tells
 * that sum no more finely than a band k incidents wide, so it cannot single out a count below
 * k, nor undo the perturbation of released counts. Null (z withheld) when even 10 is too fine:
 * data so sparse that one incident swings z by more than 10/k.
 */
export function restrictedZStep(scales: ArrayLike<number>, threshold: number): number | null {
  let smallest = Infinity;
  for (let i = 0; i < scales.length; i++) if (scales[i]! > 0) smallest = Math.min(smallest, scales[i]!);
  if (smallest === Infinity) return Z_STEPS[0];
  return Z_STEPS.find((step) => step * smallest >= threshold) ?? null;
}

/** z as released: unchanged for public data (step undefined), rounded to the step, or withheld (step null). */
export function releaseZ(z: number | null, step: number | null | undefined): number | null {
  if (z === null || step === undefined) return z;
  if (step === null) return null;
  return Math.round(z / step) * step + 0; // + 0 turns -0 into 0
}

/** How z was released, in words for the response. */
export function zRule(step: number | null | undefined): string {
  if (step === undefined) return 'z exact';
  return step === null ? 'z withheld (data too sparse for any rounding to hide single incidents)' : `z rounded to the nearest ${step}, a step of at least k incidents in every neighbourhood`;
}

export interface ReleasedGi {
  h3: string;
  z: number | null;
  /** Gi_Bin from the released z alone; null where z is withheld. */
  class: GiBin | null;
}

/**
 * Gi* of restricted data as released: z rounded to the step (or withheld), and the class
 * recomputed from the rounded z (its p, then the false-discovery-rate correction over the
 * region), so the class tells nothing the rounded z does not. A class from the exact z would
 * draw its own thresholds inside a rounding band and narrow it.
 */
export function releaseGiStar(cells: readonly HotspotCell[], scales: ArrayLike<number>, threshold: number): { step: number | null; cells: ReleasedGi[] } {
  const step = restrictedZStep(scales, threshold);
  if (step === null) return { step, cells: cells.map((c) => ({ h3: c.h3, z: null, class: null })) };
  const z = cells.map((c) => releaseZ(c.z, step));
  const q = benjaminiHochberg(Float64Array.from(z, (v) => (v === null ? Number.NaN : twoSidedP(v))));
  return { step, cells: cells.map((c, i) => ({ h3: c.h3, z: z[i]!, class: z[i] === null ? 0 : giBin(z[i]!, q[i]!) })) };
}
