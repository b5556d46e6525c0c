import type { cell as english } from '../en/cell.js';

/** Welsh messages: cell (every English key, checked by the type and by test/i18n). */
export const cell: Record<keyof typeof english, string> = {};
