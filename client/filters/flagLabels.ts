import type { MessageKey } from '../i18n/language';

/** The flags the analysis routes take (server/domain/flags.ts), in the order shown. */
export const FILTER_FLAGS = ['knife', 'domestic-abuse', 'alcohol'] as const;
export type FilterFlag = (typeof FILTER_FLAGS)[number];

// Catalogue keys are camel-case words: "domestic-abuse" is "domesticAbuse" there.
const KEY_PART: Record<FilterFlag, string> = { knife: 'knife', 'domestic-abuse': 'domesticAbuse', alcohol: 'alcohol' };

/** A flag's checkbox label ('label') or its word in a summary ('short'). */
export function flagKey(flag: string, form: 'label' | 'short'): MessageKey {
  const part = KEY_PART[flag as FilterFlag] ?? flag;
  return `filters.${form === 'label' ? 'flag' : 'flagShort'}.${part}` as MessageKey;
}
