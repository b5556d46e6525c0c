import type { admin as english } from '../en/admin.js';

/** Welsh messages: admin (every English key, checked by the type and by test/i18n). */
export const admin: Record<keyof typeof english, string> = {};
