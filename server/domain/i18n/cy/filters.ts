import type { filters as english } from '../en/filters.js';

/** Welsh messages: filters (every English key, checked by the type and by test/i18n). */
export const filters: Record<keyof typeof english, string> = {};
