import type { common as english } from '../en/common.js';

/** Welsh messages: common (every English key, checked by the type and by test/i18n). */
export const common: Record<keyof typeof english, string> = {
  /** A number written the language's way. */
  'common.number': '{n}',
  'common.loading': 'Wrthi’n llwytho…',
  'common.dismissError': 'Cau’r neges gwall',
  'common.periodRange': '{from} i {to}',
  'common.restricted': 'cyfyngedig',
  'common.sources': 'Ffynonellau: {sources}.',
};
