import type { triangulation as english } from '../en/triangulation.js';

/** Welsh messages: triangulation (every English key, checked by the type and by test/i18n). */
export const triangulation: Record<keyof typeof english, string> = {};
