/**
 * Offence texts to offence groups (server/domain/offence-groups.ts), kept as data: the
 * data.police.uk crime types, and the descriptions local extracts and ED data use.
 */
/** data.police.uk `Crime type` values. */
export const POLICE_UK_CRIME_TYPES: Readonly<Record<string, string>> = {
  'Violence and sexual offences': 'violence-sexual',
  Robbery: 'robbery',
  'Possession of weapons': 'weapons',
  'Public order': 'public-order',
  'Criminal damage and arson': 'criminal-damage-arson',
  Drugs: 'drugs',
  Burglary: 'burglary',
  'Bicycle theft': 'theft',
  'Other theft': 'theft',
  Shoplifting: 'theft',
  'Theft from the person': 'theft',
  'Vehicle crime': 'theft',
  'Anti-social behaviour': 'asb',
  'Other crime': 'other',
};

/** Common offence descriptions in local police extracts and ED data (matched case-insensitively). */
export const OFFENCE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  murder: 'homicide',
  manslaughter: 'homicide',
  'attempted murder': 'violence-with-injury',
  'assault with intent to cause serious harm': 'violence-with-injury',
  'wounding with intent to do gbh': 'violence-with-injury',
  'wounding or inflicting grievous bodily harm': 'violence-with-injury',
  'assault occasioning actual bodily harm': 'violence-with-injury',
  'assault with injury': 'violence-with-injury',
  'common assault': 'violence-without-injury',
  'assault without injury': 'violence-without-injury',
  'assault on emergency worker': 'violence-without-injury',
  'threats to kill': 'violence-without-injury',
  harassment: 'stalking-harassment',
  stalking: 'stalking-harassment',
  'malicious communications': 'stalking-harassment',
  'controlling or coercive behaviour': 'stalking-harassment',
  'rape of a female aged 16 or over': 'sexual-offences',
  'rape of a male aged 16 or over': 'sexual-offences',
  'sexual assault on a female aged 13 or over': 'sexual-offences',
  'sexual assault on a male aged 13 or over': 'sexual-offences',
  'robbery of personal property': 'robbery',
  'robbery of business property': 'robbery',
  'possession of article with blade or point': 'weapons',
  'possession of offensive weapon': 'weapons',
  'possession of firearms offences': 'weapons',
  'causing death or serious injury by dangerous driving': 'violence-sexual',
  'racially or religiously aggravated assault with injury': 'violence-with-injury',
  'assault with injury on a constable': 'violence-with-injury',
  'racially or religiously aggravated common assault': 'violence-without-injury',
  'assault without injury on a constable': 'violence-without-injury',
  'cruelty to children/young persons': 'violence-without-injury',
  kidnapping: 'violence-without-injury',
  'child abduction': 'violence-without-injury',
  'modern slavery': 'violence-without-injury',
  'racially or religiously aggravated harassment': 'stalking-harassment',
  'disclosure of private sexual photographs and films with intent to cause distress': 'stalking-harassment',
  'rape of a female child under 16': 'sexual-offences',
  'rape of a female child under 13': 'sexual-offences',
  'sexual assault on a female child under 13': 'sexual-offences',
  'sexual activity involving a child under 16': 'sexual-offences',
  'causing sexual activity without consent': 'sexual-offences',
  'sexual grooming': 'sexual-offences',
  'exposure and voyeurism': 'sexual-offences',
  assault: 'assault-injury-ed',
};

export function normaliseOffenceText(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}
