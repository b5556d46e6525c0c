import { type AreaCollection, type BoundaryLevel, fetchBoundaries } from '../api';
import { type Fetched, RequestCache, useRequest } from '../reference/useRequest';

const cache = new RequestCache<AreaCollection>();

const loadBoundaries = ({ level, within }: { level: BoundaryLevel; within: string | null }, signal: AbortSignal) =>
  fetchBoundaries(level, within, signal);

/**
 * One boundary level, fetched only while `enabled` (LSOAs are many), optionally only inside a
 * force area (`pfa:W15000002`). Kept once loaded, for every page.
 */
export function useBoundaries(
  level: BoundaryLevel,
  enabled: boolean,
  within: string | null = null,
): Fetched<AreaCollection> {
  return useRequest(enabled ? { level, within } : null, loadBoundaries, `${level.toUpperCase()} boundaries`, {
    cache,
  });
}

/**
 * The force area holding all of a partnership's councils (LSOAs are then fetched for that force
 * only), or null when they span several forces or are not known.
 */
export function forceAreaOf(ladCodes: readonly string[], lads: AreaCollection | null): string | null {
  if (!lads || ladCodes.length === 0) return null;
  const forces = new Set<string | null>();
  for (const code of ladCodes) {
    const feature = lads.features.find((f) => f.properties.code === code);
    forces.add(feature?.properties.parentCode ?? null);
  }
  const [only] = forces;
  return forces.size === 1 && only ? `pfa:${only}` : null;
}
