import type { compare as english } from '../en/compare.js';

/** Welsh messages: compare (every English key, checked by the type and by test/i18n). */
export const compare: Record<keyof typeof english, string> = {};
