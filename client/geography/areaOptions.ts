import type { AreaCollection, Bbox, Partnership } from '../api';
import type { MessageKey } from '../i18n/language';
import type { Language } from '../i18n/language';
import { welshForceName } from '../../server/domain/i18n/welsh-area-names';

export interface AreaOption {
  /** `pfa:CODE`, `lad:CODE` or `partnership:ID`, as the API takes it. */
  key: string;
  name: string;
  level: 'pfa' | 'lad' | 'partnership';
}

export const LEVEL_LABELS: Record<AreaOption['level'], MessageKey> = {
  pfa: 'map.level.pfa',
  lad: 'map.level.lad',
  partnership: 'map.level.partnership',
};

/** Every area a comparison can name: force areas and local authorities we hold boundaries for, and partnerships. */
export function areaOptions(
  forces: AreaCollection | null,
  lads: AreaCollection | null,
  partnerships: readonly Partnership[] | null,
  language: Language = 'en',
): AreaOption[] {
  // In Welsh, areas go by their Welsh names where they have one (Casnewydd, Heddlu Gwent).
  const nameOf = ({ code, name, nameWelsh }: AreaCollection['features'][number]['properties']) =>
    language === 'cy' ? (nameWelsh ?? welshForceName(code) ?? name) : name;
  const named = (level: 'pfa' | 'lad', fc: AreaCollection | null) =>
    (fc?.features ?? []).map((f) => ({ key: `${level}:${f.properties.code}`, name: nameOf(f.properties), level }));
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
