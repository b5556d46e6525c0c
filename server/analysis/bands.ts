/** Quintile bands of positive values (1 = lowest fifth ... 5 = highest); 0 for zero. */
export function quintileBands(values: ArrayLike<number>): Uint8Array {
  const positive = Array.from(values)
    .filter((v) => v > 0)
    .sort((a, b) => a - b);
  const cut = (q: number) => positive[Math.min(positive.length - 1, Math.floor(q * positive.length))]!;
  const cuts = positive.length ? [cut(0.2), cut(0.4), cut(0.6), cut(0.8)] : [];
  return Uint8Array.from(Array.from(values), (v) => (v <= 0 ? 0 : 1 + cuts.filter((c) => v > c).length));
}
