import type { sharing as english } from '../en/sharing.js';

/** Welsh messages: sharing (every English key, checked by the type and by test/i18n). */
export const sharing: Record<keyof typeof english, string> = {};
