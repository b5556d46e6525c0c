import type { datasets as english } from '../en/datasets.js';

/** Welsh messages: datasets (every English key, checked by the type and by test/i18n). */
export const datasets: Record<keyof typeof english, string> = {};
