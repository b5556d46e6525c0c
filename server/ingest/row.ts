/** A parsed incident before it is placed on the map. */
export interface ParsedIncident {
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

/** A row refused: `category` groups the counts in the report, `reason` explains this row. */
export interface Rejection {
  category: string;
  reason: string;
}

export type ParseResult = { ok: true; incident: ParsedIncident } | ({ ok: false } & Rejection);

export const reject = (category: string, reason: string = category): ParseResult => ({ ok: false, category, reason });

/** Parser for one kind of file: checks the header once, then turns records into incidents. */
export interface RowParser {
  /** Throws ImportError if the header is not what this kind of file must have. */
  checkHeader(header: string[], fileName: string): void;
  parse(values: string[]): ParseResult;
  readonly datePrecision: 'month' | 'day' | 'datetime';
}
