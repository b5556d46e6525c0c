/** English messages: nav. Keys are 'nav.…'; the Welsh twin is ../cy/nav.ts. */
export const nav = {
  'nav.map': 'Map',
  'nav.panels': 'Panels',
  'nav.compare': 'Compare',
  'nav.triangulation': 'Police and ED',
  'nav.proximity': 'Settings',
  'nav.definitions': 'Definitions',
  'nav.sharing': 'Data sharing',
  'nav.admin': 'Admin',
  'nav.signOut': 'Sign out',
  'nav.menu': 'Pages',
} as const;
