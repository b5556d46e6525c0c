/** A location in projected metres (British National Grid) with a weight (incidents). */
export interface WeightedPoint {
  x: number;
  y: number;
  weight: number;
}

/** The quartic (biweight) kernel in two dimensions: 3/(π h²) (1 − d²/h²)² within h, 0 beyond; it integrates to 1. */
export function quartic(distanceSquared: number, bandwidth: number): number {
  const u2 = distanceSquared / (bandwidth * bandwidth);
  return u2 >= 1 ? 0 : (3 / (Math.PI * bandwidth * bandwidth)) * (1 - u2) ** 2;
}

/**
 * How much wider a quartic kernel's radius is than the standard deviation of a Gaussian kernel
 * that smooths as much, in two dimensions: the ratio of their canonical bandwidths (Marron &
 * Nolan 1988), δ = (R(K) / μ₂(K)²)^(1/6). For the Gaussian R(K) = 1/(4π) and μ₂ = 1; for the
 * quartic 3/π (1 − |u|²)² on the unit disc R(K) = 9/(5π) and μ₂ = 1/8 (per axis: ∫ x² K = h²/8,
 * so its SD is h/√8). The ratio is (2304/5)^(1/6) = 2.779; matching variances instead would give √8 = 2.828.
 */
export const QUARTIC_PER_GAUSSIAN = (2304 / 5) ** (1 / 6);

/** Weighted mean, and the two coordinates' sample standard deviations (n − 1, n = total weight). */
export function weightedSpread(points: readonly WeightedPoint[]) {
  let n = 0;
  let mx = 0;
  let my = 0;
  for (const p of points) {
    n += p.weight;
    mx += p.weight * p.x;
    my += p.weight * p.y;
  }
  mx /= n;
  my /= n;
  let vx = 0;
  let vy = 0;
  for (const p of points) {
    vx += p.weight * (p.x - mx) ** 2;
    vy += p.weight * (p.y - my) ** 2;
  }
  return { n, mx, my, vx, vy, sx: Math.sqrt(vx / (n - 1)), sy: Math.sqrt(vy / (n - 1)) };
}

/**
 * Default bandwidth, the quartic kernel's radius: Silverman's normal-reference rule for a
 * Gaussian kernel in two dimensions, σ n^(−1/6), with σ the mean of the two coordinates' standard
 * deviations and n the total weight, scaled to the quartic kernel by QUARTIC_PER_GAUSSIAN; never
 * below `floor` metres (a bandwidth finer than the points' precision only draws the points again).
 */
export function ruleOfThumbBandwidth(points: readonly WeightedPoint[], floor = 100): number {
  const { n, sx, sy } = weightedSpread(points);
  if (!(n >= 2)) return floor;
  return Math.max(floor, QUARTIC_PER_GAUSSIAN * ((sx + sy) / 2) * n ** (-1 / 6));
}

/** Kernel density at each target, in incidents per km²: Σ weight × quartic(distance). */
export function kernelDensity(
  sources: readonly WeightedPoint[],
  targets: readonly { x: number; y: number }[],
  bandwidth: number,
): Float64Array {
  if (!(bandwidth > 0)) throw new RangeError(`bandwidth must be positive (got ${bandwidth})`);
  // Sources in square buckets one bandwidth wide: the kernel is zero beyond one bandwidth, so
  // each target needs only its own bucket and the eight around it.
  const buckets = new Map<number, WeightedPoint[]>();
  const bucketOf = (bx: number, by: number) => bx * 1_000_003 + by; // bucket indices stay far below 10^6 for BNG metres
  for (const p of sources) {
    const key = bucketOf(Math.floor(p.x / bandwidth), Math.floor(p.y / bandwidth));
    const list = buckets.get(key);
    if (list) list.push(p);
    else buckets.set(key, [p]);
  }
  const out = new Float64Array(targets.length);
  const h2 = bandwidth * bandwidth;
  const norm = (3 / (Math.PI * h2)) * 1e6;
  targets.forEach((t, i) => {
    const bx = Math.floor(t.x / bandwidth);
    const by = Math.floor(t.y / bandwidth);
    let density = 0;
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const p of buckets.get(bucketOf(bx + dx, by + dy)) ?? []) {
          const u2 = ((p.x - t.x) ** 2 + (p.y - t.y) ** 2) / h2;
          if (u2 < 1) density += p.weight * (1 - u2) ** 2;
        }
      }
    }
    out[i] = density * norm;
  });
  return out;
}
