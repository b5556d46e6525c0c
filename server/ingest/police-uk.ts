import { ImportError } from './errors.js';
import { parseCoordinate } from './locate.js';
import { POLICE_UK_CRIME_TYPES } from './offence-groups.js';
import { reject, type ParseResult, type RowParser } from './row.js';

export const POLICE_UK_HEADER = [
  'Crime ID',
  'Month',
  'Reported by',
  'Falls within',
  'Longitude',
  'Latitude',
  'Location',
  'LSOA code',
  'LSOA name',
  'Crime type',
  'Last outcome category',
  'Context',
] as const;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** data.police.uk street-level crime CSVs (`YYYY-MM-force-street.csv`). */
export function policeUkParser(): RowParser {
  return {
    datePrecision: 'month',
    checkHeader(header, fileName) {
      const got = header.map((h) => h.trim());
      const same = got.length === POLICE_UK_HEADER.length && POLICE_UK_HEADER.every((h, i) => got[i] === h);
      if (!same) {
        throw new ImportError(
          `${fileName}: not a data.police.uk street-level CSV (expected header "${POLICE_UK_HEADER.join(',')}", found "${header.join(',').slice(0, 200)}")`,
        );
      }
    },
    parse(v): ParseResult {
      if (v.length !== POLICE_UK_HEADER.length)
        return reject(
          'wrong number of columns',
          `wrong number of columns (${v.length}, expected ${POLICE_UK_HEADER.length})`,
        );
      const [crimeId, month, reportedBy, , lngText, latText, , lsoaCode, , crimeType] = v as string[] & { length: 12 };
      if (!MONTH.test(month!.trim())) return reject('unparseable date', `unparseable month "${month}"`);
      const lng = parseCoordinate(lngText);
      const lat = parseCoordinate(latText);
      if (lng === null || lat === null) return reject('no coordinates');
      if (Number.isNaN(lng) || Number.isNaN(lat)) return reject('invalid coordinates', 'coordinates are not numbers');
      const group = POLICE_UK_CRIME_TYPES[crimeType!.trim()];
      if (!group) return reject('unknown mapping value', `unknown crime type "${crimeType}"`);
      return {
        ok: true,
        incident: {
          month: month!.trim(),
          occurredOn: null,
          occurredTime: null,
          lat,
          lng,
          offenceGroup: group,
          offenceText: crimeType!.trim(),
          knife: null,
          domesticAbuse: null,
          alcohol: null,
          weapon: null,
          setting: null,
          ageBand: null,
          externalId: null,
          // ASB rows have no Crime ID; they are their own group ('asb').
          crimeId: crimeId!.trim() || null,
          lsoaCode: lsoaCode!.trim() || null,
          sourceForce: reportedBy!.trim() || null,
        },
      };
    },
  };
}
