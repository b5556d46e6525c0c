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
 * Default bandwidth: Silverman's rule of thumb for two dimensions, h = σ n^(−1/6), with σ the
 * mean of the two coordinates' standard deviations and n the total weight; never below
 * `floor` metres (a bandwidth finer than the points' precision only draws the points again).
 */
export function ruleOfThumbBandwidth(points: readonly WeightedPoint[], floor = 100): number {
  let n = 0;
  let mx = 0;
  let my = 0;
  for (const p of points) {
    n += p.weight;
    mx += p.weight * p.x;
    my += p.weight * p.y;
  }
  if (n < 2) return floor;
  mx /= n;
  my /= n;
  let vx = 0;
  let vy = 0;
  for (const p of points) {
    vx += p.weight * (p.x - mx) ** 2;
    vy += p.weight * (p.y - my) ** 2;
  }
  const sigma = (Math.sqrt(vx / (n - 1)) + Math.sqrt(vy / (n - 1))) / 2;
  return Math.max(floor, sigma * n ** (-1 / 6));
}

/** Kernel density at each target, in incidents per km²: Σ weight × quartic(distance). */
export function kernelDensity(sources: readonly WeightedPoint[], targets: readonly { x: number; y: number }[], bandwidth: number): Float64Array {
  if (!(bandwidth > 0)) throw new RangeError(`bandwidth must be positive (got ${bandwidth})`);
  // Sources sorted by x, so each target only visits those within one bandwidth east-west.
  const sorted = [...sources].sort((a, b) => a.x - b.x);
  const xs = Float64Array.from(sorted, (p) => p.x);
  const out = new Float64Array(targets.length);
  const h2 = bandwidth * bandwidth;
  targets.forEach((t, i) => {
    let lo = 0;
    let hi = xs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (xs[mid]! < t.x - bandwidth) lo = mid + 1;
      else hi = mid;
    }
    let density = 0;
    for (let j = lo; j < sorted.length && xs[j]! <= t.x + bandwidth; j++) {
      const p = sorted[j]!;
      const d2 = (p.x - t.x) ** 2 + (p.y - t.y) ** 2;
      if (d2 < h2) density += p.weight * quartic(d2, bandwidth);
    }
    out[i] = density * 1e6;
  });
  return out;
}
