/** ArcGIS Gi_Bin: ±3 hot/cold at 99% confidence, ±2 at 95%, ±1 at 90%, 0 not significant. */
export type GiBin = -3 | -2 | -1 | 0 | 1 | 2 | 3;

export const GI_BIN_LABELS: Record<GiBin, string> = {
  3: 'Hot spot, 99% confidence',
  2: 'Hot spot, 95% confidence',
  1: 'Hot spot, 90% confidence',
  0: 'Not significant',
  [-1]: 'Cold spot, 90% confidence',
  [-2]: 'Cold spot, 95% confidence',
  [-3]: 'Cold spot, 99% confidence',
} as Record<GiBin, string>;

/** The class from a z-score's sign and its (FDR-adjusted) p-value. */
export function giBin(z: number, p: number): GiBin {
  if (Number.isNaN(z) || Number.isNaN(p) || z === 0) return 0;
  const level = p < 0.01 ? 3 : p < 0.05 ? 2 : p < 0.1 ? 1 : 0;
  return (Math.sign(z) * level) as GiBin;
}
