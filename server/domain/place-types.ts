/** The types of setting a place layer can hold (the bundled layer mixes the first four). */
export const PLACE_TYPES = [
  'school',
  'licensed-premises',
  'prison',
  'hospital-ed',
  'refuge',
  'childrens-home',
  'custom',
] as const;
export type PlaceType = (typeof PLACE_TYPES)[number];

/** Settings that must never be shown without the right grant: their layers are always restricted. */
export const SENSITIVE_PLACE_TYPES: ReadonlySet<string> = new Set<PlaceType>(['refuge', 'childrens-home']);

export const PLACE_TYPE_LABELS: Record<PlaceType, string> = {
  school: 'Schools',
  'licensed-premises': 'Licensed premises',
  prison: 'Prisons and YOIs',
  'hospital-ed': 'Hospitals with an emergency department',
  refuge: 'Refuges',
  'childrens-home': "Children's homes",
  custom: 'Other places',
};

/** A type's label, or the type itself for one this version does not know. */
export function placeTypeLabel(type: string): string {
  return (PLACE_TYPE_LABELS as Record<string, string>)[type] ?? type;
}
