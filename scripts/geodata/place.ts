/** The place record written to geodata/places.geojson.gz, and helpers shared by the layers. */
import { bngToWgs84, isPlausibleBng } from '../../server/geo/bng.js';
import type { CodePoint } from './codepoint.js';
import { normalisePostcode, postcodeArea } from './codepoint.js';
import { POSITION } from './sources.js';

export type PlaceType = 'school' | 'licensed-premises' | 'prison' | 'hospital-ed';

export type AttributeValue = string | number | boolean | null;

export interface PlaceRecord {
  /** Stable id: `<type prefix>:<source key>`, e.g. "pub:12345", "school:6812345", "ed:UEC_S157913". */
  id: string;
  type: PlaceType;
  name: string;
  /** WGS84, 6 dp. */
  lng: number;
  lat: number;
  /** Bundled LAD containing the point (1 km coastal tolerance), or null outside the bundled councils. */
  ladCode: string | null;
  attributes: Record<string, AttributeValue>;
  /** Where the record came from: repo@commit:path (dataset). */
  source: string;
  licence: string;
  /** How the position was obtained, e.g. "Code-Point Open 2014.3 postcode centroid". */
  positionSource: string;
  /** True when the record stands in for the real thing (Welsh stroke-list hospitals for EDs). */
  proxy: boolean;
  note: string | null;
}

/** Rows dropped by a layer, keyed by reason; `examples` lists a few names for the report. */
export class DropLog {
  readonly counts: Record<string, number> = {};
  readonly examples: Record<string, string[]> = {};
  constructor(private readonly maxExamples = 20) {}
  add(reason: string, example?: string): void {
    this.counts[reason] = (this.counts[reason] ?? 0) + 1;
    if (example !== undefined) {
      const list = (this.examples[reason] ??= []);
      if (list.length < this.maxExamples) list.push(example);
    }
  }
  get total(): number {
    return Object.values(this.counts).reduce((a, b) => a + b, 0);
  }
}

export interface LayerResult {
  records: PlaceRecord[];
  sourceRows: number;
  dropped: DropLog;
  /** Records not taken one-to-one from a source row (e.g. a hand-added hospital). */
  added: string[];
  /** Layer-specific checks for the manifest. */
  checks: Record<string, unknown>;
}

export const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;

export function fromBng(easting: number, northing: number): [number, number] {
  if (!isPlausibleBng(easting, northing)) throw new Error(`implausible BNG ${easting},${northing}`);
  const [lng, lat] = bngToWgs84(easting, northing);
  return [round6(lng), round6(lat)];
}

/** Position at the Code-Point centroid of `postcode`, or why not. */
export function codePointPosition(
  cp: CodePoint,
  postcode: string,
):
  | { ok: true; lng: number; lat: number; postcode: string }
  | { ok: false; reason: 'area-not-bundled' | 'not-in-code-point' } {
  const pc = normalisePostcode(postcode);
  if (!cp.areas.has(postcodeArea(pc))) return { ok: false, reason: 'area-not-bundled' };
  const row = cp.byPostcode.get(pc);
  if (!row) return { ok: false, reason: 'not-in-code-point' };
  const [lng, lat] = fromBng(row.easting, row.northing);
  return { ok: true, lng, lat, postcode: pc };
}

export const CODE_POINT_POSITION = POSITION.codePoint;

/** "NP20 2UB" style: outward code, space, inward code. */
export function formatPostcode(postcode: string): string {
  const pc = normalisePostcode(postcode);
  return pc.length > 3 ? `${pc.slice(0, -3)} ${pc.slice(-3)}` : pc;
}

/** Collapse runs of white space and trim. */
export const clean = (s: string | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

/** Empty string -> null. */
export const orNull = (s: string | undefined): string | null => (clean(s) === '' ? null : clean(s));

/** A UK postcode at the end of an address ("..., Bristol BS16 9QJ"), tolerating a trailing junk digit. */
export function postcodeInAddress(address: string): string | null {
  const m = /([A-Z]{1,2}[0-9][0-9A-Z]?)\s*([0-9][A-Z]{2})[0-9]?\s*$/i.exec(address.trim());
  return m ? `${m[1]!.toUpperCase()} ${m[2]!.toUpperCase()}` : null;
}
