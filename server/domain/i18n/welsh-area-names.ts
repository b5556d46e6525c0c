/** Welsh names of the four Welsh police force areas, by PFA code (local authorities carry theirs in the boundary data). */
export const WELSH_FORCE_NAMES: Readonly<Record<string, string>> = {
  W15000001: 'Heddlu Gogledd Cymru',
  W15000002: 'Heddlu Gwent',
  W15000003: 'Heddlu De Cymru',
  W15000004: 'Heddlu Dyfed-Powys',
};

/** The Welsh name of an area by code, when one is known from this table. */
export const welshForceName = (code: string): string | undefined => WELSH_FORCE_NAMES[code];
