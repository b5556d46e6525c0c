/**
 * OS Code-Point Open 2014.3 postcode centroids (the bundled area files): no header row, the
 * columns are in Code-Point_Open_Column_Headers.csv, postcodes are fixed width ("NP100AA",
 * "CF5 1AA"), so they are compared with spaces removed.
 */
import { readFileSync } from 'node:fs';
import { readCsv } from './csv.js';
import { CODEPOINT_AREAS, PATHS, shared } from './sources.js';

export interface CodePointRow {
  postcode: string; // normalised: upper case, no spaces
  quality: number; // positional quality indicator (10 best .. 90 no position)
  easting: number;
  northing: number;
  district: string; // 2014 GSS district code
}

export interface CodePoint {
  byPostcode: Map<string, CodePointRow>;
  /** Postcode areas present ("NP", "CF", ...). */
  areas: Set<string>;
  rowsRead: number;
  /** Rows with zero or empty eastings/northings (not placed). */
  noPosition: number;
  duplicates: number;
}

/** Upper case, every space removed: the join key for postcodes. */
export function normalisePostcode(postcode: string): string {
  return postcode.replace(/\s+/g, '').toUpperCase();
}

/** The postcode area (leading letters), e.g. "NP" for "NP10 0AA". */
export function postcodeArea(postcode: string): string {
  return /^[A-Z]{1,2}/.exec(normalisePostcode(postcode))?.[0] ?? '';
}

/** Column positions from the documented header file (first line: short codes, second: names). */
function columnIndex(): Record<'postcode' | 'quality' | 'easting' | 'northing' | 'district', number> {
  const { rows } = readCsv(shared(PATHS.codePointDir + 'Code-Point_Open_Column_Headers.csv'), { header: false });
  const names = rows[1];
  if (!names) throw new Error('Code-Point column headers: second line missing');
  const at = (name: string): number => {
    const i = names.indexOf(name);
    if (i < 0) throw new Error(`Code-Point column headers: no ${name}`);
    return i;
  };
  return {
    postcode: at('Postcode'),
    quality: at('Positional_quality_indicator'),
    easting: at('Eastings'),
    northing: at('Northings'),
    district: at('Admin_district_code'),
  };
}

let cached: CodePoint | undefined;

export function loadCodePoint(): CodePoint {
  if (cached) return cached;
  const col = columnIndex();
  const byPostcode = new Map<string, CodePointRow>();
  let rowsRead = 0;
  let noPosition = 0;
  let duplicates = 0;
  for (const area of CODEPOINT_AREAS) {
    const text = readFileSync(shared(`${PATHS.codePointDir}${area}.csv`), 'utf8');
    const { rows } = readCsv('', { header: false, text });
    for (const r of rows) {
      if (r.length === 1 && r[0] === '') continue;
      rowsRead++;
      const postcode = normalisePostcode(r[col.postcode] ?? '');
      const easting = Number(r[col.easting]);
      const northing = Number(r[col.northing]);
      if (!postcode) throw new Error(`Code-Point ${area}.csv: empty postcode`);
      if (
        !(r[col.easting] && r[col.northing]) ||
        !Number.isFinite(easting) ||
        !Number.isFinite(northing) ||
        easting === 0 ||
        northing === 0
      ) {
        noPosition++;
        continue;
      }
      if (byPostcode.has(postcode)) {
        duplicates++;
        continue;
      }
      byPostcode.set(postcode, {
        postcode,
        quality: Number(r[col.quality]),
        easting,
        northing,
        district: r[col.district] ?? '',
      });
    }
  }
  const areas = new Set(CODEPOINT_AREAS.map((a) => a.toUpperCase()));
  cached = { byPostcode, areas, rowsRead, noPosition, duplicates };
  return cached;
}
