import type { panel as english } from '../en/panel.js';

/** Welsh messages: panel (every English key, checked by the type and by test/i18n). */
export const panel: Record<keyof typeof english, string> = {};
