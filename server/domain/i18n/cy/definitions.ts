import type { definitions as english } from '../en/definitions.js';

/** Welsh messages: definitions (every English key, checked by the type and by test/i18n). */
export const definitions: Record<keyof typeof english, string> = {};
