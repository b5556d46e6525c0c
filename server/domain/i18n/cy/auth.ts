import type { auth as english } from '../en/auth.js';

/** Welsh messages: auth (every English key, checked by the type and by test/i18n). */
export const auth: Record<keyof typeof english, string> = {};
