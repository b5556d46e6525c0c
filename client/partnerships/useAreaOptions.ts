import { bbox } from '@turf/turf';
import { useMemo } from 'react';
import type { Bbox } from '../api';
import { areaOptions, areaOutlines } from '../geography/areaOptions';
import type { MapFocus } from '../geography/focus';
import { useBoundaries } from '../geography/useBoundaries';
import { useLanguage } from '../i18n/language';
import { usePartnerships } from './usePartnerships';

/**
 * The areas a page can name (force areas, local authorities, partnerships) and their names, and
 * the outlines of the ones chosen.
 */
export function useAreaOptions(chosen: readonly string[]) {
  const { partnerships } = usePartnerships();
  const forces = useBoundaries('pfa', true);
  const lads = useBoundaries('lad', true);
  const language = useLanguage();
  const options = useMemo(
    () => areaOptions(forces.data, lads.data, partnerships, language),
    [forces.data, lads.data, partnerships, language],
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
