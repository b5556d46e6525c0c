import type { GiBin } from '../domain/classes.js';

export type { GiBin };

/** The class from a z-score's sign and its (FDR-adjusted) p-value. */
export function giBin(z: number, p: number): GiBin {
  if (Number.isNaN(z) || Number.isNaN(p) || z === 0) return 0;
  const level = p < 0.01 ? 3 : p < 0.05 ? 2 : p < 0.1 ? 1 : 0;
  return (Math.sign(z) * level) as GiBin;
}
