/** What a source file says of one incident, before the import places it on the map. */
export interface Incident {
  month: string; // YYYY-MM
  occurredOn: string | null; // YYYY-MM-DD
  occurredTime: string | null; // HH:MM
  lat: number;
  lng: number;
  offenceGroup: string;
  offenceText: string | null;
  knife: boolean | null;
  domesticAbuse: boolean | null;
  alcohol: boolean | null;
  weapon: string | null;
  setting: string | null;
  ageBand: string | null;
  /** The supplier's record id: a re-supplied record with the same id replaces the stored one. */
  externalId: string | null;
  /** police.uk Crime ID (kept, not used to replace: police.uk months are replaced whole). */
  crimeId: string | null;
  lsoaCode: string | null;
  sourceForce: string | null;
}
