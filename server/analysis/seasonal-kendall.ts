import { mannKendall } from './mann-kendall.js';
import { twoSidedP } from './normal.js';

export interface SeasonalKendall {
  /** S = Σ over seasons of each season's Mann-Kendall S. */
  s: number;
  /** Var(S) = Σ over seasons of each season's tie-corrected Var(S_g) (seasons taken as independent). */
  variance: number;
  /** (S − sign(S)) / √Var(S). */
  z: number;
  /** Two-sided p of z; null when no season has two values (nothing to compare). */
  p: number | null;
  /** Seasons with at least two values, which are all the test compares. */
  seasons: number;
}

/**
 * The seasonal Kendall trend test (Hirsch, Slack & Smith 1982): a Mann-Kendall test within each
 * season (month of the year), the seasons' S and variances summed, so a seasonal pattern is not
 * taken for a trend and only like months are compared. `values` in time order, `season` of each
 * (0-11); missing values (null: a month no dataset covers) are left out of their season's series.
 */
export function seasonalKendall(values: readonly (number | null)[], season: readonly number[]): SeasonalKendall {
  const bySeason = new Map<number, number[]>();
  values.forEach((v, i) => {
    if (v === null) return;
    const list = bySeason.get(season[i]!) ?? [];
    list.push(v);
    bySeason.set(season[i]!, list);
  });
  let s = 0;
  let variance = 0;
  let seasons = 0;
  for (const list of bySeason.values()) {
    if (list.length < 2) continue;
    const mk = mannKendall(list);
    s += mk.s;
    variance += mk.variance;
    seasons++;
  }
  const z = variance > 0 && s !== 0 ? (s - Math.sign(s)) / Math.sqrt(variance) : 0;
  return { s, variance, z, p: variance > 0 ? twoSidedP(z) : null, seasons };
}
