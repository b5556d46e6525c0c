import type { proximity as english } from '../en/proximity.js';

/** Welsh messages: proximity (every English key, checked by the type and by test/i18n). */
export const proximity: Record<keyof typeof english, string> = {};
