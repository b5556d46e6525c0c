import { type Dispersion, type FunnelMethod, overdispersedLimits, overdispersion } from './overdispersion.js';
import { funnelLimits } from './poisson-interval.js';

/**
 * A funnel plot of area rates per 1,000 against population around the pooled rate, with three sets
 * of control limits: exact Poisson, and Spiegelhalter's (2005) multiplicative (φ) and additive
 * (τ²) over-dispersion adjustments. The additive ones are drawn when the areas are over-dispersed:
 * areas of 50,000 to 400,000 residents differ by more than chance for reasons no one is asking
 * about (their make-up), and that between-area spread does not shrink as populations grow, so
 * multiplicative limits still close in on the target for the biggest areas and flag them alone.
 */

export type { FunnelMethod };
export const FUNNEL_METHODS: readonly FunnelMethod[] = ['poisson', 'multiplicative', 'additive'];

export interface Limits {
  lower: number;
  upper: number;
}

export type FunnelPosition = 'above 99.8%' | 'above 95%' | 'below 99.8%' | 'below 95%' | 'within';

/** Where a rate sits against the 95% and 99.8% limits. */
export function funnelPosition(rate: number, l95: Limits, l998: Limits): FunnelPosition {
  if (rate > l998.upper) return 'above 99.8%';
  if (rate > l95.upper) return 'above 95%';
  if (rate < l998.lower) return 'below 99.8%';
  if (rate < l95.lower) return 'below 95%';
  return 'within';
}

/** The limits of one method at a population (null for an adjustment when there is no estimate). */
export function limitsBy(
  method: FunnelMethod,
  target: number,
  population: number,
  confidence: number,
  dispersion: Dispersion | null,
): Limits | null {
  if (method === 'poisson') return funnelLimits(target, population, confidence);
  return dispersion ? overdispersedLimits(target, population, confidence, dispersion, method) : null;
}

/** Which limits are drawn: the additive adjustment when the areas are over-dispersed (τ² > 0), else the Poisson ones. */
export function drawnMethod(dispersion: Dispersion | null): FunnelMethod {
  return dispersion && dispersion.tau2 > 0 ? 'additive' : 'poisson';
}

/** Both limits (95%, 99.8%) of every method at a population, and the area's position against each. */
export function areaOnFunnel(rate: number | null, target: number, population: number, dispersion: Dispersion | null) {
  const byMethod = Object.fromEntries(
    FUNNEL_METHODS.map((method) => {
      const l95 = population > 0 ? limitsBy(method, target, population, 0.95, dispersion) : null;
      const l998 = population > 0 ? limitsBy(method, target, population, 0.998, dispersion) : null;
      const position = rate === null || !l95 || !l998 ? null : funnelPosition(rate, l95, l998);
      return [method, l95 && l998 ? { limits95: l95, limits998: l998, position } : null];
    }),
  ) as Record<FunnelMethod, { limits95: Limits; limits998: Limits; position: FunnelPosition | null } | null>;
  return byMethod;
}

export interface CurveLimits {
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
}

/**
 * The control limits as curves: every method's 95% and 99.8% limits at `points` populations spaced
 * evenly on a log scale from `fromPopulation` to `toPopulation`.
 */
export function funnelCurves(
  target: number,
  fromPopulation: number,
  toPopulation: number,
  dispersion: Dispersion | null,
  points = 48,
) {
  const lo = Math.log(Math.max(1, fromPopulation));
  const hi = Math.log(Math.max(fromPopulation + 1, toPopulation));
  return Array.from({ length: points }, (_, i) => {
    const population = Math.round(Math.exp(lo + ((hi - lo) * i) / (points - 1)));
    const curve = (method: FunnelMethod): CurveLimits | null => {
      const l95 = limitsBy(method, target, population, 0.95, dispersion);
      const l998 = limitsBy(method, target, population, 0.998, dispersion);
      return l95 && l998
        ? { lower95: l95.lower, upper95: l95.upper, lower998: l998.lower, upper998: l998.upper }
        : null;
    };
    return {
      population,
      poisson: curve('poisson')!,
      multiplicative: curve('multiplicative'),
      additive: curve('additive'),
    };
  });
}

/** The funnel's estimate of over-dispersion from the areas (null with fewer than three), and what is drawn. */
export function funnelDispersion(areas: readonly { count: number | null; population: number }[], target: number) {
  const counted = areas.map((a) => ({ count: a.count ?? 0, population: a.count === null ? 0 : a.population }));
  const dispersion = overdispersion(counted, target);
  return { dispersion, drawn: drawnMethod(dispersion) };
}

/** The funnel's note in words, e.g. "funnel limits adjusted for over-dispersion φ = 86 (…)". */
export function funnelNote(dispersion: Dispersion | null, drawn: FunnelMethod): string {
  if (!dispersion) return 'exact Poisson limits: fewer than three areas, too few to estimate over-dispersion';
  const phi = dispersion.phi.toFixed(dispersion.phi < 10 ? 2 : 0);
  const test = `χ² = ${dispersion.chiSquare.toFixed(1)} on ${dispersion.df} df, p = ${dispersion.p.toPrecision(2)}`;
  if (drawn === 'poisson') return `exact Poisson limits: the areas are not over-dispersed (φ = ${phi}; ${test})`;
  return `funnel limits adjusted for over-dispersion φ = ${phi} (additive random effects, τ = ${Math.sqrt(dispersion.tau2).toFixed(2)} per 1,000; ${test})`;
}

/** The dispersion estimate without the per-area z-scores (given with each area instead). */
export function withoutZ({ z: _z, ...rest }: Dispersion): Omit<Dispersion, 'z'> {
  return rest;
}
