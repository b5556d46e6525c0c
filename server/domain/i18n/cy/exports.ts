import type { exports as english } from '../en/exports.js';

/** Welsh messages: exports (every English key, checked by the type and by test/i18n). */
export const exports: Record<keyof typeof english, string> = {};
