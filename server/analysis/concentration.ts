/**
 * How concentrated incidents are over the cells of an area (zero cells included): the share in
 * the busiest 1%, 5% and 10% of cells, and the Gini coefficient.
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

export function concentration(values: readonly number[]): Concentration {
  const descending = [...values].sort((a, b) => b - a);
  const total = descending.reduce((a, b) => a + b, 0);
  return {
    cells: values.length,
    total,
    top1: shareInTop(descending, total, 0.01),
    top5: shareInTop(descending, total, 0.05),
    top10: shareInTop(descending, total, 0.1),
    gini: gini(values),
  };
}
