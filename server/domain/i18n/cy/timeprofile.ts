import type { timeprofile as english } from '../en/timeprofile.js';

/** Welsh messages: timeprofile (every English key, checked by the type and by test/i18n). */
export const timeprofile: Record<keyof typeof english, string> = {};
