/**
 * How concentrated incidents are over the cells of an area (zero cells included): the share in
 * the busiest 1%, 5% and 10% of cells, and the Gini coefficient; with each, the least value that
 * many incidents could give over that many cells (with fewer incidents than cells, some cells must
 * be empty, so even the most even spread has a Gini above 0); and the generalised Gini of Bernasco
 * & Steenbeek (2017), which measures from that most even spread instead.
 */
export interface Concentration {
  cells: number;
  total: number;
  /** Share of incidents in the top fraction of cells (at least one cell), 0..1; null with no incidents. */
  top1: number | null;
  top5: number | null;
  top10: number | null;
  /** 0 = spread evenly over the cells, towards 1 = all in one cell; null with no incidents. */
  gini: number | null;
  /**
   * Bernasco & Steenbeek's (2017) generalised Gini: with n incidents over N > n cells,
   * G' = (N G − (N − n)) / n, 0 for the most even spread (n cells with one each); G where n ≥ N.
   */
  generalisedGini: number | null;
  /** The least top shares and Gini the same total could give over the same cells (its most even spread). */
  minimum: { top1: number | null; top5: number | null; top10: number | null; gini: number | null };
}

/** Share of the total held by the busiest ceil(fraction x n) cells. */
export function shareInTop(descending: readonly number[], total: number, fraction: number): number | null {
  if (total === 0 || descending.length === 0) return null;
  const take = Math.max(1, Math.ceil(fraction * descending.length));
  let sum = 0;
  for (let i = 0; i < take; i++) sum += descending[i]!;
  return sum / total;
}

/** Gini = (2 Σ i·x(i)) / (n Σ x) − (n + 1)/n, with x sorted ascending and i from 1 (the mean-difference form). */
export function gini(values: readonly number[]): number | null {
  const n = values.length;
  const sorted = [...values].sort((a, b) => a - b);
  let total = 0;
  let weighted = 0;
  sorted.forEach((x, i) => {
    total += x;
    weighted += (i + 1) * x;
  });
  if (n === 0 || total === 0) return null;
  return (2 * weighted) / (n * total) - (n + 1) / n;
}

/**
 * The most even spread of n whole incidents over N cells: r = n mod N cells hold ⌈n/N⌉ and the
 * rest ⌊n/N⌋. Its Gini is r (N − r) / (N n) (1 − n/N when n < N: n cells of 1 and N − n of 0), and
 * its busiest k cells hold k ⌊n/N⌋ + min(k, r) incidents.
 */
export function minimumConcentration(cells: number, total: number): Concentration['minimum'] {
  if (total <= 0 || cells === 0) return { top1: null, top5: null, top10: null, gini: null };
  const n = Math.round(total);
  const q = Math.floor(n / cells);
  const r = n - q * cells;
  const top = (fraction: number) => {
    const k = Math.max(1, Math.ceil(fraction * cells));
    return (k * q + Math.min(k, r)) / n;
  };
  return { top1: top(0.01), top5: top(0.05), top10: top(0.1), gini: (r * (cells - r)) / (cells * n) };
}

/** Bernasco & Steenbeek's (2017) generalised Gini of a Gini `g` for `total` incidents over `cells` cells. */
export function generalisedGini(g: number | null, cells: number, total: number): number | null {
  if (g === null) return null;
  return total < cells ? (cells * g - (cells - total)) / total : g;
}

export function concentration(values: readonly number[]): Concentration {
  const descending = [...values].sort((a, b) => b - a);
  const total = descending.reduce((a, b) => a + b, 0);
  const g = gini(values);
  return {
    cells: values.length,
    total,
    top1: shareInTop(descending, total, 0.01),
    top5: shareInTop(descending, total, 0.05),
    top10: shareInTop(descending, total, 0.1),
    gini: g,
    generalisedGini: generalisedGini(g, values.length, total),
    minimum: minimumConcentration(values.length, total),
  };
}
