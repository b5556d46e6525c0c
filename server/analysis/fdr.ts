/**
 * Benjamini-Hochberg adjusted p-values (q): for p sorted ascending, q(i) = min over j >= i of
 * p(j) m / j, capped at 1, returned in the input order. NaN p-values (no test possible) stay NaN
 * and do not count towards m.
 */
export function benjaminiHochberg(p: ArrayLike<number>): Float64Array {
  const q = new Float64Array(p.length).fill(Number.NaN);
  const order = Array.from({ length: p.length }, (_, i) => i).filter((i) => !Number.isNaN(p[i]!));
  order.sort((a, b) => p[a]! - p[b]!);
  const m = order.length;
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const i = order[rank - 1]!;
    running = Math.min(running, (p[i]! * m) / rank);
    q[i] = running;
  }
  return q;
}

/**
 * Holm's step-down adjusted p-values (R's p.adjust(p, "holm")): for p sorted ascending,
 * p(i)·(m − i + 1) made non-decreasing by a running maximum, capped at 1. NaN p-values stay NaN
 * and do not count towards m (as R's p.adjust with its default n drops NA).
 */
export function holm(p: ArrayLike<number>): Float64Array {
  const adjusted = new Float64Array(p.length).fill(Number.NaN);
  const order = Array.from({ length: p.length }, (_, i) => i).filter((i) => !Number.isNaN(p[i]!));
  order.sort((a, b) => p[a]! - p[b]!);
  const m = order.length;
  let running = 0;
  order.forEach((i, rank) => {
    running = Math.max(running, Math.min(1, p[i]! * (m - rank)));
    adjusted[i] = running;
  });
  return adjusted;
}
