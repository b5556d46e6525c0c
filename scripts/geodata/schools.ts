/**
 * Maintained schools in Wales (Welsh Government "Address list of schools"), placed at the
 * school's postcode centroid from OS Code-Point Open 2014.3, never at the file's own
 * latitude/longitude (those come from the Google geocoding/Places API, whose terms restrict
 * reuse). Schools whose postcode cannot be placed are dropped and counted, by reason:
 * - the postcode area has no Code-Point file here (LL, SY, CH: North Wales, Ceredigion and
 *   north Powys), and
 * - the postcode is not in Code-Point 2014 (created since mid-2014, e.g. new school sites).
 * Dropping keeps the layer licence-clean (OGL + OS OpenData only).
 *
 * Quirks handled: UTF-8 BOM, CRLF, 15 trailing blank rows (no School Number) that carry the
 * centre-of-Wales dummy coordinate 52.1306607,-3.7837117.
 */
import { readCsvObjects } from './csv.js';
import { loadCodePoint } from './codepoint.js';
import { normaliseCouncilName } from './areas.js';
import {
  clean,
  codePointPosition,
  DropLog,
  formatPostcode,
  orNull,
  type LayerResult,
  type PlaceRecord,
} from './place.js';
import { LICENCE, ORIGIN, PATHS, POSITION, shared } from './sources.js';
import type { AreaIndex } from '../../server/geo/area-index.js';

export const SCHOOL_DROP = {
  dummy: 'blank dummy row (no School Number; centre-of-Wales coordinate)',
  areaNotBundled: 'postcode area not in the bundled Code-Point files (LL, SY, CH)',
  notInCodePoint: 'postcode not in Code-Point Open 2014 (newer or mistyped)',
} as const;

export function buildSchools(ladIndex: AreaIndex, ladCodeByName: Map<string, string>): LayerResult {
  const cp = loadCodePoint();
  const required = [
    'School Number',
    'School Name',
    'LA Code',
    'Local Authority',
    'Sector',
    'Governance - see notes',
    'Welsh Medium Type - see notes',
    'School Type',
    'Religious Character',
    'Postcode',
    'Pupils - see notes',
  ];
  const { rows } = readCsvObjects(shared(PATHS.schools), required);
  const dropped = new DropLog(50);
  const records: PlaceRecord[] = [];
  const droppedByLa: Record<string, Record<string, number>> = {};
  let statedLadDisagrees = 0;
  for (const r of rows) {
    const number = clean(r['School Number']);
    const name = clean(r['School Name']);
    const la = clean(r['Local Authority']);
    if (number === '') {
      dropped.add(SCHOOL_DROP.dummy);
      continue;
    }
    const statedLad = ladCodeByName.get(normaliseCouncilName(la));
    if (!statedLad) throw new Error(`schools: unknown local authority "${la}"`);
    const pos = codePointPosition(cp, r.Postcode ?? '');
    if (!pos.ok) {
      const reason = pos.reason === 'area-not-bundled' ? SCHOOL_DROP.areaNotBundled : SCHOOL_DROP.notInCodePoint;
      dropped.add(reason, pos.reason === 'not-in-code-point' ? `${name} (${clean(r.Postcode)}, ${la})` : undefined);
      (droppedByLa[la] ??= {})[reason] = (droppedByLa[la]?.[reason] ?? 0) + 1;
      continue;
    }
    const ladCode = ladIndex.locate(pos.lng, pos.lat);
    if (ladCode !== statedLad) statedLadDisagrees++;
    const pupils = Number(clean(r['Pupils - see notes']));
    const address = [r['Address 1'], r['Address 2'], r['Address 3'], r['Address 4']]
      .map(clean)
      .filter(Boolean)
      .join(', ');
    const religious = clean(r['Religious Character']);
    records.push({
      id: `school:${number}`,
      type: 'school',
      name,
      lng: pos.lng,
      lat: pos.lat,
      ladCode,
      attributes: {
        schoolNumber: number,
        laCode: clean(r['LA Code']),
        localAuthority: la,
        statedLadCode: statedLad,
        sector: clean(r.Sector),
        schoolType: clean(r['School Type']),
        governance: orNull(r['Governance - see notes']),
        welshMediumType: orNull(r['Welsh Medium Type - see notes']),
        religiousCharacter: religious === '' || religious === '---' ? null : religious,
        address,
        postcode: formatPostcode(r.Postcode ?? ''),
        pupils: Number.isFinite(pupils) && clean(r['Pupils - see notes']) !== '' ? pupils : null,
      },
      source: `Welsh Government address list of schools: ${ORIGIN.schools}`,
      licence: `${LICENCE.ogl}; position: ${LICENCE.codePoint}`,
      positionSource: POSITION.codePoint,
      proxy: false,
      note: null,
    });
  }
  return {
    records,
    sourceRows: rows.length,
    dropped,
    added: [],
    checks: {
      droppedByLocalAuthority: droppedByLa,
      pointInOtherLadThanStated: statedLadDisagrees,
    },
  };
}
