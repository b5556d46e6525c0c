import type { AreaCollection } from '../api';
import type { Language, Translate } from '../i18n/language';
import { welshForceName } from '../../server/domain/i18n/welsh-area-names';
import type { PartnershipSummary } from './partnershipChoice';

/**
 * A partnership's name in the interface language: the seeded force, CSP and VRU partnerships are
 * named from their areas' Welsh names in Welsh; others (user-named) keep the name they were given.
 */
export function partnershipName(
  p: Pick<PartnershipSummary, 'name' | 'category'>,
  language: Language,
  t: Translate,
  forces: AreaCollection | null,
  lads: AreaCollection | null,
): string {
  if (language === 'en') return p.name;
  if (p.category === 'vru' && p.name === 'Wales Violence Prevention Unit area') return t('map.partnership.vru');
  const force = p.category === 'force' ? /^(.*) force area$/.exec(p.name)?.[1] : undefined;
  if (force) {
    const code = forces?.features.find((f) => f.properties.name === force)?.properties.code;
    const welsh = code ? welshForceName(code) : undefined;
    if (welsh) return t('map.partnership.force', { name: welsh });
  }
  const lad = p.category === 'lad' ? /^(.*) CSP$/.exec(p.name)?.[1] : undefined;
  if (lad) {
    const welsh = lads?.features.find((f) => f.properties.name === lad)?.properties.nameWelsh;
    if (welsh) return t('map.partnership.csp', { name: welsh });
  }
  return p.name;
}
