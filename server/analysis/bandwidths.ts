import { type WeightedPoint, weightedSpread } from './kde.js';

/**
 * Other tools' default bandwidths for the same points, shown beside ours for comparison. Points
 * carry weights (incidents at a cell centre): each counts as that many points at one place.
 */

/** The R type-7 quantile of weighted values, as if each were repeated `weight` times. */
function weightedQuantile(values: readonly { v: number; w: number }[], prob: number): number {
  const sorted = [...values].sort((a, b) => a.v - b.v);
  const n = sorted.reduce((s, x) => s + x.w, 0);
  const h = (n - 1) * prob;
  // The value of the k-th (0-based) of the repeated values.
  const at = (k: number) => {
    let seen = 0;
    for (const x of sorted) {
      seen += x.w;
      if (k < seen) return x.v;
    }
    return sorted.at(-1)!.v;
  };
  const lo = Math.floor(h);
  return at(lo) + (h - lo) * (at(lo + 1) - at(lo));
}

/**
 * sfhotspot's default for hotspot_kde() (set_bandwidth → bandwidth_nrd_sf): MASS::bandwidth.nrd,
 * 4 × 1.06 × min(sd, IQR/1.34) × n^(−1/5), which sfhotspot uses as the radius of the quartic kernel
 * (SpatialKDE::kde). It is meant as the mean of the x and y values, but `mean(bx, by)` passes `by`
 * as mean()'s `trim` argument, so sfhotspot uses the x coordinates' value alone; so does this.
 */
export function sfhotspotBandwidth(points: readonly WeightedPoint[]): number | null {
  const { n, sx } = weightedSpread(points);
  if (!(n >= 2)) return null;
  const xs = points.map((p) => ({ v: p.x, w: p.weight }));
  const iqr = weightedQuantile(xs, 0.75) - weightedQuantile(xs, 0.25);
  return 4 * 1.06 * Math.min(sx, iqr / 1.34) * n ** (-1 / 5);
}

/**
 * ArcGIS Kernel Density's default search radius (10.2.1 on, "How Kernel Density works"):
 * 0.9 × min(SD, √(1/ln 2) × Dm) × n^(−0.2), with SD the weighted standard distance
 * √(Σw(x − x̄)²/Σw + Σw(y − ȳ)²/Σw), Dm the weighted median distance from the weighted mean
 * centre, and n the total weight. ArcGIS uses it as the quartic kernel's radius.
 */
export function arcgisSearchRadius(points: readonly WeightedPoint[]): number | null {
  const { n, mx, my, vx, vy } = weightedSpread(points);
  if (!(n >= 2)) return null;
  const sd = Math.sqrt(vx / n + vy / n);
  const dm = weightedQuantile(
    points.map((p) => ({ v: Math.hypot(p.x - mx, p.y - my), w: p.weight })),
    0.5,
  );
  return 0.9 * Math.min(sd, Math.sqrt(1 / Math.LN2) * dm) * n ** -0.2;
}
