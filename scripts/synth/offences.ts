/**
 * Home Office-style offence descriptions used in the synthetic local police
 * extract, the police.uk crime type each one belongs to, and the rates the
 * generator uses for them.
 *
 * `OFFENCE_DESCRIPTIONS` is the complete vocabulary of the
 * `offence_description` column: build offence-group mappings from it.
 */
import type { ViolenceCrimeType } from './police-violence.js';

/** Home Office offence subgroup (as in ONS "Police recorded crime" tables). */
export type HoSubgroup =
  | 'Homicide'
  | 'Death or serious injury caused by unlawful driving'
  | 'Violence with injury'
  | 'Violence without injury'
  | 'Stalking and harassment'
  | 'Rape'
  | 'Other sexual offences'
  | 'Robbery'
  | 'Possession of weapons offences';

/** Which time-of-day profile the generator uses for the offence. */
export type TimeProfileKey = 'street' | 'da' | 'comms' | 'sexual' | 'robbery' | 'weapons';

export interface OffenceDescription {
  /** Value of the `offence_description` column. */
  readonly description: string;
  /** data.police.uk `Crime type` this offence is published under. */
  readonly policeUkCrimeType: ViolenceCrimeType;
  readonly hoSubgroup: HoSubgroup;
  /** Approximate share (%) within its police.uk crime type (relative weight). */
  readonly weight: number;
  /** Physical assault (counts toward the "~20% alcohol-related assaults" target). */
  readonly physicalAssault: boolean;
  /** P(domestic_abuse = Y). */
  readonly daRate: number;
  /** P(knife_sharp = Y). */
  readonly knifeRate: number;
  /** P(alcohol_related = Y) in NTE hours (Fri/Sat 22:00-03:59), other nights 22:00-03:59, other times. */
  readonly alcoholRate: readonly [nte: number, night: number, other: number];
  /** Time profile when not domestic abuse (domestic physical/sexual offences use 'da'). */
  readonly profile: TimeProfileKey;
}

const VSO = 'Violence and sexual offences' as const;
const ROB = 'Robbery' as const;
const POW = 'Possession of weapons' as const;

const ASSAULT_ALC = [0.5, 0.3, 0.1] as const;
const SEXUAL_ALC = [0.4, 0.25, 0.1] as const;
const LOW_ALC = [0.08, 0.05, 0.03] as const;

export const OFFENCE_DESCRIPTIONS: readonly OffenceDescription[] = [
  // --- Violence and sexual offences ---------------------------------------
  {
    description: 'Murder',
    policeUkCrimeType: VSO,
    hoSubgroup: 'Homicide',
    weight: 0.01,
    physicalAssault: true,
    daRate: 0.3,
    knifeRate: 0.5,
    alcoholRate: ASSAULT_ALC,
    profile: 'street',
  },
  {
    description: 'Attempted murder',
    policeUkCrimeType: VSO,
    hoSubgroup: 'Violence with injury',
    weight: 0.05,
    physicalAssault: true,
    daRate: 0.3,
    knifeRate: 0.5,
    alcoholRate: ASSAULT_ALC,
    profile: 'street',
  },
  {
    description: 'Causing death or serious injury by dangerous driving',
    policeUkCrimeType: VSO,
    hoSubgroup: 'Death or serious injury caused by unlawful driving',
    weight: 0.1,
    physicalAssault: false,
    daRate: 0,
    knifeRate: 0,
    alcoholRate: [0.3, 0.2, 0.08],
    profile: 'robbery',
  },
  {
    description: 'Assault with intent to cause serious harm',
    policeUkCrimeType: VSO,
    hoSubgroup: 'Violence with injury',
    weight: 1.5,
    physicalAssault: true,
    daRate: 0.15,
    knifeRate: 0.4,
    alcoholRate: ASSAULT_ALC,
    profile: 'street',
  },
  {
    description: 'Wounding or inflicting grievous bodily harm',
    policeUkCrimeType: VSO,
    hoSubgroup: 'Violence with injury',
    weight: 2,
    physicalAssault: true,
    daRate: 0.2,
    knifeRate: 0.06,
    alcoholRate: ASSAULT_ALC,
    profile: 'street',
  },
  {
    description: 'Assault occasioning actual bodily harm',
    policeUkCrimeType: VSO,
    hoSubgroup: 'Violence with injury',
    weight: 18,
    physicalAssault: true,
    daRate: 0.33,
    knifeRate: 0.06,
    alcoholRate: ASSAULT_ALC,
    profile: 'street',
  },
  {
    description: 'Racially or religiously aggravated assault with injury',
    policeUkCrimeType: VSO,
    hoSubgroup: 'Violence with injury',
    weight: 0.4,
    physicalAssault: true,
    daRate: 0.02,
    knifeRate: 0.03,
    alcoholRate: ASSAULT_ALC,
    profile: 'street',
  },
  {
    description: 'Assault with injury on a constable',
    policeUkCrimeType: VSO,
    hoSubgroup: 'Violence with injury',
    weight: 0.8,
    physicalAssault: true,
    daRate: 0,
    knifeRate: 0.02,
    alcoholRate: ASSAULT_ALC,
    profile: 'street',
  },
  {
    description: 'Common assault',
    policeUkCrimeType: VSO,
    hoSubgroup: 'Violence without injury',
    weight: 30,
    physicalAssault: true,
    daRate: 0.3,
    knifeRate: 0.01,
    alcoholRate: ASSAULT_ALC,
    profile: 'street',
  },
  {
    description: 'Racially or religiously aggravated common assault',
    policeUkCrimeType: VSO,
    hoSubgroup: 'Violence without injury',
    weight: 0.8,
    physicalAssault: true,
    daRate: 0.02,
    knifeRate: 0,
    alcoholRate: ASSAULT_ALC,
    profile: 'street',
  },
  {
    description: 'Assault on emergency worker',
    policeUkCrimeType: VSO,
    hoSubgroup: 'Violence without injury',
    weight: 3,
    physicalAssault: true,
    daRate: 0,
    knifeRate: 0,
    alcoholRate: ASSAULT_ALC,
    profile: 'street',
  },
  {
    description: 'Assault without injury on a constable',
    policeUkCrimeType: VSO,
    hoSubgroup: 'Violence without injury',
    weight: 2,
    physicalAssault: true,
    daRate: 0,
    knifeRate: 0,
    alcoholRate: ASSAULT_ALC,
    profile: 'street',
  },
  {
    description: 'Threats to kill',
    policeUkCrimeType: VSO,
    hoSubgroup: 'Violence without injury',
    weight: 2,
    physicalAssault: false,
    daRate: 0.45,
    knifeRate: 0.1,
    alcoholRate: [0.3, 0.2, 0.08],
    profile: 'street',
  },
  {
    description: 'Cruelty to children/young persons',
    policeUkCrimeType: VSO,
    hoSubgroup: 'Violence without injury',
    weight: 1.2,
    physicalAssault: false,
    daRate: 0.5,
    knifeRate: 0,
    alcoholRate: LOW_ALC,
    profile: 'comms',
  },
  {
    description: 'Kidnapping',
    policeUkCrimeType: VSO,
    hoSubgroup: 'Violence without injury',
    weight: 0.15,
    physicalAssault: false,
    daRate: 0.3,
    knifeRate: 0.05,
    alcoholRate: LOW_ALC,
    profile: 'street',
  },
  {
    description: 'Child abduction',
    policeUkCrimeType: VSO,
    hoSubgroup: 'Violence without injury',
    weight: 0.1,
    physicalAssault: false,
    daRate: 0.4,
    knifeRate: 0,
    alcoholRate: LOW_ALC,
    profile: 'comms',
  },
  {
    description: 'Modern slavery',
    policeUkCrimeType: VSO,
    hoSubgroup: 'Violence without injury',
    weight: 0.15,
    physicalAssault: false,
    daRate: 0.05,
    knifeRate: 0,
    alcoholRate: LOW_ALC,
    profile: 'comms',
  },
  {
    description: 'Harassment',
    policeUkCrimeType: VSO,
    hoSubgroup: 'Stalking and harassment',
    weight: 12,
    physicalAssault: false,
    daRate: 0.4,
    knifeRate: 0,
    alcoholRate: LOW_ALC,
    profile: 'comms',
  },
  {
    description: 'Racially or religiously aggravated harassment',
    policeUkCrimeType: VSO,
    hoSubgroup: 'Stalking and harassment',
    weight: 1.3,
    physicalAssault: false,
    daRate: 0.02,
    knifeRate: 0,
    alcoholRate: [0.3, 0.2, 0.08],
    profile: 'comms',
  },
  {
    description: 'Malicious communications',
    policeUkCrimeType: VSO,
    hoSubgroup: 'Stalking and harassment',
    weight: 8,
    physicalAssault: false,
    daRate: 0.25,
    knifeRate: 0,
    alcoholRate: LOW_ALC,
    profile: 'comms',
  },
  {
    description: 'Stalking',
    policeUkCrimeType: VSO,
    hoSubgroup: 'Stalking and harassment',
    weight: 4,
    physicalAssault: false,
    daRate: 0.55,
    knifeRate: 0,
    alcoholRate: LOW_ALC,
    profile: 'comms',
  },
  {
    description: 'Controlling or coercive behaviour',
    policeUkCrimeType: VSO,
    hoSubgroup: 'Stalking and harassment',
    weight: 4,
    physicalAssault: false,
    daRate: 1,
    knifeRate: 0,
    alcoholRate: LOW_ALC,
    profile: 'comms',
  },
  {
    description: 'Disclosure of private sexual photographs and films with intent to cause distress',
    policeUkCrimeType: VSO,
    hoSubgroup: 'Stalking and harassment',
    weight: 0.3,
    physicalAssault: false,
    daRate: 0.7,
    knifeRate: 0,
    alcoholRate: LOW_ALC,
    profile: 'comms',
  },
  {
    description: 'Rape of a female aged 16 or over',
    policeUkCrimeType: VSO,
    hoSubgroup: 'Rape',
    weight: 1.5,
    physicalAssault: false,
    daRate: 0.35,
    knifeRate: 0.01,
    alcoholRate: SEXUAL_ALC,
    profile: 'sexual',
  },
  {
    description: 'Rape of a female child under 16',
    policeUkCrimeType: VSO,
    hoSubgroup: 'Rape',
    weight: 0.4,
    physicalAssault: false,
    daRate: 0.1,
    knifeRate: 0,
    alcoholRate: LOW_ALC,
    profile: 'sexual',
  },
  {
    description: 'Rape of a female child under 13',
    policeUkCrimeType: VSO,
    hoSubgroup: 'Rape',
    weight: 0.3,
    physicalAssault: false,
    daRate: 0.1,
    knifeRate: 0,
    alcoholRate: LOW_ALC,
    profile: 'comms',
  },
  {
    description: 'Rape of a male aged 16 or over',
    policeUkCrimeType: VSO,
    hoSubgroup: 'Rape',
    weight: 0.15,
    physicalAssault: false,
    daRate: 0.2,
    knifeRate: 0.01,
    alcoholRate: SEXUAL_ALC,
    profile: 'sexual',
  },
  {
    description: 'Sexual assault on a female aged 13 or over',
    policeUkCrimeType: VSO,
    hoSubgroup: 'Other sexual offences',
    weight: 2,
    physicalAssault: false,
    daRate: 0.08,
    knifeRate: 0,
    alcoholRate: SEXUAL_ALC,
    profile: 'sexual',
  },
  {
    description: 'Sexual assault on a female child under 13',
    policeUkCrimeType: VSO,
    hoSubgroup: 'Other sexual offences',
    weight: 0.4,
    physicalAssault: false,
    daRate: 0.1,
    knifeRate: 0,
    alcoholRate: LOW_ALC,
    profile: 'comms',
  },
  {
    description: 'Sexual assault on a male aged 13 or over',
    policeUkCrimeType: VSO,
    hoSubgroup: 'Other sexual offences',
    weight: 0.4,
    physicalAssault: false,
    daRate: 0.05,
    knifeRate: 0,
    alcoholRate: SEXUAL_ALC,
    profile: 'sexual',
  },
  {
    description: 'Sexual activity involving a child under 16',
    policeUkCrimeType: VSO,
    hoSubgroup: 'Other sexual offences',
    weight: 0.8,
    physicalAssault: false,
    daRate: 0.05,
    knifeRate: 0,
    alcoholRate: LOW_ALC,
    profile: 'comms',
  },
  {
    description: 'Causing sexual activity without consent',
    policeUkCrimeType: VSO,
    hoSubgroup: 'Other sexual offences',
    weight: 0.3,
    physicalAssault: false,
    daRate: 0.2,
    knifeRate: 0,
    alcoholRate: SEXUAL_ALC,
    profile: 'sexual',
  },
  {
    description: 'Sexual grooming',
    policeUkCrimeType: VSO,
    hoSubgroup: 'Other sexual offences',
    weight: 0.2,
    physicalAssault: false,
    daRate: 0,
    knifeRate: 0,
    alcoholRate: LOW_ALC,
    profile: 'comms',
  },
  {
    description: 'Exposure and voyeurism',
    policeUkCrimeType: VSO,
    hoSubgroup: 'Other sexual offences',
    weight: 1.5,
    physicalAssault: false,
    daRate: 0.02,
    knifeRate: 0,
    alcoholRate: LOW_ALC,
    profile: 'comms',
  },
  // --- Robbery ---------------------------------------------------------------
  {
    description: 'Robbery of personal property',
    policeUkCrimeType: ROB,
    hoSubgroup: 'Robbery',
    weight: 90,
    physicalAssault: false,
    daRate: 0.02,
    knifeRate: 0.06,
    alcoholRate: [0.25, 0.15, 0.05],
    profile: 'robbery',
  },
  {
    description: 'Robbery of business property',
    policeUkCrimeType: ROB,
    hoSubgroup: 'Robbery',
    weight: 10,
    physicalAssault: false,
    daRate: 0,
    knifeRate: 0.06,
    alcoholRate: [0.1, 0.05, 0.02],
    profile: 'robbery',
  },
  // --- Possession of weapons -------------------------------------------------
  {
    description: 'Possession of article with blade or point',
    policeUkCrimeType: POW,
    hoSubgroup: 'Possession of weapons offences',
    weight: 60,
    physicalAssault: false,
    daRate: 0.03,
    knifeRate: 1,
    alcoholRate: [0.2, 0.1, 0.03],
    profile: 'weapons',
  },
  {
    description: 'Possession of offensive weapon',
    policeUkCrimeType: POW,
    hoSubgroup: 'Possession of weapons offences',
    weight: 30,
    physicalAssault: false,
    daRate: 0.03,
    knifeRate: 0,
    alcoholRate: [0.2, 0.1, 0.03],
    profile: 'weapons',
  },
  {
    description: 'Possession of firearms offences',
    policeUkCrimeType: POW,
    hoSubgroup: 'Possession of weapons offences',
    weight: 10,
    physicalAssault: false,
    daRate: 0.02,
    knifeRate: 0,
    alcoholRate: [0.1, 0.05, 0.02],
    profile: 'weapons',
  },
];

/** Offence descriptions (with weights) per police.uk crime type. */
export function offencesFor(crimeType: ViolenceCrimeType): readonly (readonly [OffenceDescription, number])[] {
  return OFFENCE_DESCRIPTIONS.filter((o) => o.policeUkCrimeType === crimeType).map((o) => [o, o.weight] as const);
}
