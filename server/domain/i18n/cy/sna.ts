import type { sna as english } from '../en/sna.js';

/** Welsh messages: sna (every English key, checked by the type and by test/i18n). */
export const sna: Record<keyof typeof english, string> = {};
