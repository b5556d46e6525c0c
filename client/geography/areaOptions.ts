import { bbox } from '@turf/turf';
import { useMemo } from 'react';
import type { AreaCollection, Bbox, Partnership } from '../api';
import type { MapFocus } from './focus';
import { usePartnerships } from '../partnerships/usePartnerships';
import { useBoundaries } from './useBoundaries';

export interface AreaOption {
  /** `pfa:CODE`, `lad:CODE` or `partnership:ID`, as the API takes it. */
  key: string;
  name: string;
  level: 'pfa' | 'lad' | 'partnership';
}

export const LEVEL_LABELS: Record<AreaOption['level'], string> = {
  pfa: 'Police force areas',
  lad: 'Local authorities',
  partnership: 'Partnerships',
};

/** Every area a comparison can name: force areas and local authorities we hold boundaries for, and partnerships. */
export function areaOptions(
  forces: AreaCollection | null,
  lads: AreaCollection | null,
  partnerships: readonly Partnership[] | null,
): AreaOption[] {
  const named = (level: 'pfa' | 'lad', fc: AreaCollection | null) =>
    (fc?.features ?? []).map((f) => ({ key: `${level}:${f.properties.code}`, name: f.properties.name, level }));
  return [
    ...named('pfa', forces),
    ...named('lad', lads),
    ...(partnerships ?? []).map((p) => ({ key: `partnership:${p.id}`, name: p.name, level: 'partnership' as const })),
  ];
}

/** The outlines to draw thick for a set of areas: force areas and LADs from their boundaries, partnerships from their LADs. */
export function areaOutlines(
  keys: readonly string[],
  forces: AreaCollection | null,
  lads: AreaCollection | null,
  partnerships: readonly Partnership[] | null,
): AreaCollection {
  const features = keys.flatMap((key) => {
    const [level, id] = key.split(':') as [string, string];
    if (level === 'pfa') return (forces?.features ?? []).filter((f) => f.properties.code === id);
    if (level === 'lad') return (lads?.features ?? []).filter((f) => f.properties.code === id);
    const partnership = partnerships?.find((p) => String(p.id) === id);
    return (lads?.features ?? []).filter((f) => partnership?.lads.includes(f.properties.code));
  });
  return { type: 'FeatureCollection', features };
}

/**
 * The areas a page can name (force areas, local authorities, partnerships) and their names, and
 * the outlines of the ones chosen.
 */
export function useAreaOptions(chosen: readonly string[]) {
  const { partnerships } = usePartnerships();
  const forces = useBoundaries('pfa', true);
  const lads = useBoundaries('lad', true);
  const options = useMemo(
    () => areaOptions(forces.data, lads.data, partnerships),
    [forces.data, lads.data, partnerships],
  );
  const names = useMemo(() => new Map(options.map((o) => [o.key, o.name])), [options]);
  const key = chosen.join(',');
  const outlines = useMemo(
    () => areaOutlines(key.split(','), forces.data, lads.data, partnerships),
    [key, forces.data, lads.data, partnerships],
  );
  const focus = useMemo(
    (): MapFocus | null => (outlines.features.length ? { key, bbox: bbox(outlines) as Bbox } : null),
    [outlines, key],
  );
  const errors = [forces.error, lads.error].filter((e): e is string => e !== null);
  return { options, names, outlines, focus, forces: forces.data, lads: lads.data, errors };
}
