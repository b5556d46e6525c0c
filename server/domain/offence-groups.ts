/**
 * Offence groups, the vocabulary every selection and every dataset shares. An incident gets the
 * finest group its source allows: police.uk publishes "Violence and sexual offences" as one
 * category (violence with injury is not separable there), local extracts and ED data map to the
 * finer child groups. Selecting a parent group selects its children too. (Which offence texts
 * map to which group is the importer's table: server/ingest/offence-groups.ts.)
 */
export interface OffenceGroup {
  id: string;
  label: string;
  /** Counts towards serious violence in the default selection. */
  violence: boolean;
  parent?: string;
}

export const OFFENCE_GROUPS: readonly OffenceGroup[] = [
  { id: 'violence-sexual', label: 'Violence and sexual offences', violence: true },
  { id: 'homicide', label: 'Homicide', violence: true, parent: 'violence-sexual' },
  { id: 'violence-with-injury', label: 'Violence with injury', violence: true, parent: 'violence-sexual' },
  { id: 'violence-without-injury', label: 'Violence without injury', violence: true, parent: 'violence-sexual' },
  { id: 'stalking-harassment', label: 'Stalking and harassment', violence: true, parent: 'violence-sexual' },
  { id: 'sexual-offences', label: 'Sexual offences', violence: true, parent: 'violence-sexual' },
  { id: 'assault-injury-ed', label: 'Assault injury (ED attendance)', violence: true, parent: 'violence-sexual' },
  { id: 'robbery', label: 'Robbery', violence: true },
  { id: 'weapons', label: 'Possession of weapons', violence: true },
  { id: 'public-order', label: 'Public order', violence: false },
  { id: 'criminal-damage-arson', label: 'Criminal damage and arson', violence: false },
  { id: 'drugs', label: 'Drugs', violence: false },
  { id: 'burglary', label: 'Burglary', violence: false },
  { id: 'theft', label: 'Theft and vehicle crime', violence: false },
  { id: 'asb', label: 'Anti-social behaviour', violence: false },
  { id: 'other', label: 'Other crime', violence: false },
];

const groupIds = new Set(OFFENCE_GROUPS.map((g) => g.id));
export function isOffenceGroup(id: string): boolean {
  return groupIds.has(id);
}

/** The selected groups plus all their descendants. */
export function expandGroups(ids: readonly string[]): string[] {
  const out = new Set(ids);
  let grew = true;
  while (grew) {
    grew = false;
    for (const g of OFFENCE_GROUPS) {
      if (g.parent && out.has(g.parent) && !out.has(g.id)) {
        out.add(g.id);
        grew = true;
      }
    }
  }
  return [...out].sort();
}
