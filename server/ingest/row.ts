import type { Incident } from '../domain/incident.js';

/** A parsed incident before it is placed on the map. */
export type ParsedIncident = Incident;

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
