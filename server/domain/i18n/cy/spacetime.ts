import type { spacetime as english } from '../en/spacetime.js';

/** Welsh messages: spacetime (every English key, checked by the type and by test/i18n). */
export const spacetime: Record<keyof typeof english, string> = {};
