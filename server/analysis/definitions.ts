import type { Flag } from '../domain/flags.js';
/** A serious-violence definition: which offence groups count, which are left out, which flags must hold. */
export interface DefinitionRule {
  groups: readonly string[];
  excludedGroups: readonly string[];
  flags: readonly Flag[];
}

export interface Preset extends DefinitionRule {
  id: string;
  name: string;
  version: number;
  note: string;
}

/**
 * The three national Serious Violence Duty metrics as presets (Home Office, Serious Violence Duty
 * statutory guidance, 2022): hospital admissions for knife/sharp assault (here: ED assault
 * attendances flagged knife/sharp), police-recorded knife/sharp offences, and homicide.
 */
export const PRESETS: readonly Preset[] = [
  {
    id: 'knife-hospital',
    name: 'Knife or sharp object assaults seen in hospital (ED)',
    version: 1,
    groups: ['assault-injury-ed'],
    excludedGroups: [],
    flags: ['knife'],
    note: 'National metric 1 uses hospital admissions of under-25s; ED attendance data flagged knife/sharp is the closest local measure.',
  },
  {
    id: 'knife-police',
    name: 'Police-recorded knife or sharp object offences',
    version: 1,
    groups: ['violence-with-injury', 'violence-without-injury', 'homicide', 'robbery', 'sexual-offences', 'weapons'],
    excludedGroups: [],
    flags: ['knife'],
    note: 'Needs a flagged extract: police.uk data has no knife flag.',
  },
  {
    id: 'homicide',
    name: 'Homicide',
    version: 1,
    groups: ['homicide'],
    excludedGroups: [],
    flags: [],
    note: 'Where the data separates homicide (not police.uk).',
  },
];

/** The groups a definition counts, expanded to their children (via `expand`), less the excluded ones. */
export function definitionGroups(rule: DefinitionRule, expand: (groups: readonly string[]) => string[]): string[] {
  const excluded = new Set(expand(rule.excludedGroups));
  return expand(rule.groups).filter((g) => !excluded.has(g));
}
