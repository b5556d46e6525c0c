/**
 * Seeded pseudo-random helpers for the synthetic restricted-data generator.
 *
 * Every random stream is derived from the run seed plus a purpose label
 * (e.g. `20240101:ed:gwent:2024-03`), so the records for one force-month do
 * not depend on which other force-months are generated in the same run.
 */
import seedrandom from 'seedrandom';

export class Rng {
  private readonly prng: seedrandom.PRNG;

  constructor(seed: string) {
    this.prng = seedrandom(seed);
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.prng();
  }

  /** Uniform in [min, max). */
  uniform(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  bool(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Pick one value from [value, weight] pairs (weights need not sum to 1). */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += Math.max(0, w);
    if (!(total > 0)) throw new Error('weighted pick with no positive weight');
    let r = this.next() * total;
    for (const [value, w] of items) {
      if (w <= 0) continue;
      r -= w;
      if (r < 0) return value;
    }
    // Floating-point fall-through: return the last positive-weight item.
    for (let i = items.length - 1; i >= 0; i--) {
      const item = items[i] as readonly [T, number];
      if (item[1] > 0) return item[0];
    }
    throw new Error('unreachable');
  }

  /**
   * k distinct indices from 0..n-1 (partial Fisher-Yates), in sampling order.
   * If k >= n, returns a permutation of all n indices.
   */
  sampleIndices(n: number, k: number): number[] {
    const idx = Array.from({ length: n }, (_, i) => i);
    const m = Math.min(k, n);
    for (let i = 0; i < m; i++) {
      const j = i + Math.floor(this.next() * (n - i));
      const t = idx[i] as number;
      idx[i] = idx[j] as number;
      idx[j] = t;
    }
    return idx.slice(0, m);
  }
}

/** A child stream for one purpose, derived from the run seed and labels. */
export function childRng(seed: number, ...labels: (string | number)[]): Rng {
  return new Rng([String(seed), ...labels.map(String)].join(':'));
}

/**
 * Cumulative-weight sampler for repeated draws from a fixed discrete
 * distribution (binary search, O(log n) per draw).
 */
export class CumulativeSampler {
  private readonly cum: Float64Array;
  private readonly total: number;

  constructor(weights: ArrayLike<number>) {
    this.cum = new Float64Array(weights.length);
    let acc = 0;
    for (let i = 0; i < weights.length; i++) {
      acc += Math.max(0, weights[i] as number);
      this.cum[i] = acc;
    }
    if (!(acc > 0)) throw new Error('CumulativeSampler needs a positive weight');
    this.total = acc;
  }

  /** Index drawn with probability weight[i] / sum(weights). */
  sample(rng: Rng): number {
    const r = rng.next() * this.total;
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cum[mid] as number) > r) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
