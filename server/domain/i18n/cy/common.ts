import type { common as english } from '../en/common.js';

/** Welsh messages: common (every English key, checked by the type and by test/i18n). */
export const common: Record<keyof typeof english, string> = {};
