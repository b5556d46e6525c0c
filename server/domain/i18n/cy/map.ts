import type { map as english } from '../en/map.js';

/** Welsh messages: map (every English key, checked by the type and by test/i18n). */
export const map: Record<keyof typeof english, string> = {};
