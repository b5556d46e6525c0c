import type { nav as english } from '../en/nav.js';

/** Welsh messages: nav (every English key, checked by the type and by test/i18n). */
export const nav: Record<keyof typeof english, string> = {
  'nav.map': 'Map',
  'nav.panels': 'Paneli',
  'nav.compare': 'Cymharu',
  'nav.triangulation': 'Heddlu ac Adrannau Brys',
  'nav.proximity': 'Lleoliadau',
  'nav.definitions': 'Diffiniadau',
  'nav.sharing': 'Rhannu data',
  'nav.admin': 'Gweinyddu',
  'nav.signOut': 'Allgofnodi',
  'nav.menu': 'Tudalennau',
} as const;
