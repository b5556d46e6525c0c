/**
 * Hospitals with an emergency department.
 *
 * England: every ED in emergency_departments_england.csv (all of England, for cross-border
 * views). Type "Emergency Department (ED)" rows are kept; "Emergency Department-Speciality"
 * rows are kept when they are a full ED with a restricted patient group (adult-only, 16 and
 * over, children's EDs such as Southmead, Weston, Alder Hey), since the Type column alone would
 * drop major Type-1 EDs next to Gwent. Dropped by stated reason: the dummy entry, a mental
 * health crisis team, an ED "revalidation line", a children's minor injury unit, a dental
 * hospital, the one Scottish row, and "Northampton General Hospital" whose postcode and position
 * are Basingstoke's (RG24 9RH; Basingstoke has its own row).
 *
 * Wales: no Welsh ED list with coordinates exists in the inputs, so the Welsh rows of the acute
 * stroke hospital list stand in (`proxy: true`), less the sites that have no ED (below), plus
 * the Royal Glamorgan Hospital, which has an ED but is missing from the stroke list (added by
 * hand, positioned at its postcode CF72 8XR in Code-Point Open).
 *
 * Position: Code-Point Open centroid of the postcode where the postcode area is bundled; else the
 * file's own easting/northing converted with proj4 (flagged in positionSource).
 */
import { readCsvObjects } from './csv.js';
import { loadCodePoint } from './codepoint.js';
import {
  clean,
  codePointPosition,
  DropLog,
  formatPostcode,
  fromBng,
  type LayerResult,
  type PlaceRecord,
} from './place.js';
import { LICENCE, ORIGIN, PATHS, POSITION, shared } from './sources.js';
import type { AreaIndex } from '../../server/geo/area-index.js';

/** England rows that are not an ED a violence analyst would map, with the reason. */
export const ENGLAND_ED_DROPS: readonly { test: (name: string, postcode: string) => boolean; reason: string }[] = [
  { test: (n) => /^DUMMY\b/i.test(n), reason: 'dummy entry' },
  { test: (n) => /crisis team/i.test(n), reason: 'not an ED (mental health crisis team)' },
  { test: (n) => /revalidation line/i.test(n), reason: 'not an ED (administrative revalidation line)' },
  { test: (n) => /^MIU\b|minor injur/i.test(n), reason: 'not an ED (minor injury unit)' },
  { test: (n) => /dental hospital/i.test(n), reason: 'not an ED (dental hospital)' },
  { test: (_n, pc) => /^EH/i.test(pc), reason: 'outside England and Wales (Royal Infirmary of Edinburgh)' },
  {
    test: (n, pc) => /Northampton General/i.test(n) && /^RG24/i.test(pc.replace(/\s/g, '')),
    reason: 'position contradicts name (Northampton General Hospital with a Basingstoke postcode)',
  },
];

/** Welsh stroke-list sites without an emergency department, by postcode (normalised). */
export const WALES_NO_ED: Record<string, string> = {
  NP202UB:
    'Royal Gwent Hospital: its ED closed when the Grange University Hospital opened (Nov 2020); minor injuries unit only',
  SA148QF: 'Prince Philip Hospital, Llanelli: A&E replaced by a nurse-led minor injuries unit (2013)',
};

/** Welsh EDs missing from the stroke list, added by hand. */
export const WALES_ADDED = [
  {
    id: 'ed-wales:CF728XR',
    name: 'Royal Glamorgan Hospital',
    postcode: 'CF72 8XR',
    city: 'Llantrisant',
    healthBoard: 'Cwm Taf Morgannwg University Health Board',
  },
] as const;

const WALES_NOTE =
  'Welsh acute stroke hospital list standing in for an ED list (no Welsh ED list with coordinates was available); sites without an ED removed';

function scope(name: string): 'children' | 'adult' | 'all' {
  if (/child|paediatric/i.test(name)) return 'children';
  if (/adult|16 and over/i.test(name)) return 'adult';
  return 'all';
}

export function buildHospitals(ladIndex: AreaIndex): { england: LayerResult; wales: LayerResult } {
  const cp = loadCodePoint();

  // --- England ---
  const eng = readCsvObjects(shared(PATHS.edsEngland), ['Code', 'Name', 'Postcode', 'Type', 'Easting', 'Northing']);
  const engDropped = new DropLog();
  const engRecords: PlaceRecord[] = [];
  const typeCounts: Record<string, number> = {};
  for (const r of eng.rows) {
    const name = clean(r.Name);
    const postcode = clean(r.Postcode);
    const type = clean(r.Type);
    if (type !== 'Emergency Department (ED)' && type !== 'Emergency Department-Speciality')
      throw new Error(`EDs: unknown Type "${type}"`);
    const drop = ENGLAND_ED_DROPS.find((d) => d.test(name, postcode));
    if (drop) {
      engDropped.add(drop.reason, name);
      continue;
    }
    typeCounts[type] = (typeCounts[type] ?? 0) + 1;
    const cpPos = codePointPosition(cp, postcode);
    const [lng, lat] = cpPos.ok ? [cpPos.lng, cpPos.lat] : fromBng(Number(r.Easting), Number(r.Northing));
    engRecords.push({
      id: `ed:${clean(r.Code)}`,
      type: 'hospital-ed',
      name,
      lng,
      lat,
      ladCode: ladIndex.locate(lng, lat),
      attributes: {
        serviceCode: clean(r.Code),
        serviceType: type,
        scope: scope(name),
        postcode: formatPostcode(postcode),
        country: 'England',
      },
      source: `England ED list: ${ORIGIN.edsEngland}`,
      licence: cpPos.ok ? `${LICENCE.unknown}; position: ${LICENCE.codePoint}` : LICENCE.unknown,
      positionSource: cpPos.ok ? POSITION.codePoint : POSITION.edFile,
      proxy: false,
      note: null,
    });
  }

  // --- Wales (stroke list stand-in) ---
  const stroke = readCsvObjects(shared(PATHS.strokeHospitals), [
    'Postcode',
    'Country',
    'Stroke Team',
    'Easting',
    'Northing',
    'hospital_city',
    'Use_IVT',
  ]);
  const walesDropped = new DropLog();
  const walesRecords: PlaceRecord[] = [];
  let walesRows = 0;
  for (const r of stroke.rows) {
    if (clean(r.Country) !== 'Wales') continue;
    walesRows++;
    const postcode = clean(r.Postcode).replace(/\s/g, '').toUpperCase();
    const team = clean(r['Stroke Team']);
    if (WALES_NO_ED[postcode]) {
      walesDropped.add('no emergency department', WALES_NO_ED[postcode]);
      continue;
    }
    const cpPos = codePointPosition(cp, postcode);
    const [lng, lat] = cpPos.ok ? [cpPos.lng, cpPos.lat] : fromBng(Number(r.Easting), Number(r.Northing));
    walesRecords.push({
      id: `ed-wales:${postcode}`,
      type: 'hospital-ed',
      name: team.replace(/\s*\([^)]*\)\s*$/, ''),
      lng,
      lat,
      ladCode: ladIndex.locate(lng, lat),
      attributes: {
        postcode: formatPostcode(postcode),
        city: clean(r.hospital_city),
        strokeTeam: team,
        country: 'Wales',
      },
      source: `Acute stroke hospital list (stand-in for a Welsh ED list): ${ORIGIN.strokeHospitals}`,
      licence: cpPos.ok ? `${LICENCE.mit}; position: ${LICENCE.codePoint}` : LICENCE.mit,
      positionSource: cpPos.ok ? POSITION.codePoint : POSITION.strokeFile,
      proxy: true,
      note: WALES_NOTE,
    });
  }
  const added: string[] = [];
  for (const h of WALES_ADDED) {
    const pos = codePointPosition(cp, h.postcode);
    if (!pos.ok) throw new Error(`${h.name}: ${h.postcode} not in Code-Point`);
    walesRecords.push({
      id: h.id,
      type: 'hospital-ed',
      name: h.name,
      lng: pos.lng,
      lat: pos.lat,
      ladCode: ladIndex.locate(pos.lng, pos.lat),
      attributes: { postcode: h.postcode, city: h.city, healthBoard: h.healthBoard, country: 'Wales' },
      source:
        'added by hotspot: public knowledge (the Royal Glamorgan Hospital has an emergency department and is missing from the stroke list)',
      licence: `position: ${LICENCE.codePoint}`,
      positionSource: POSITION.codePoint,
      proxy: true,
      note: `${WALES_NOTE}; ${h.name} has an ED but is missing from the stroke list: added by hand at its postcode centroid`,
    });
    added.push(`${h.name} (${h.postcode})`);
  }
  return {
    england: {
      records: engRecords,
      sourceRows: eng.rows.length,
      dropped: engDropped,
      added: [],
      checks: { keptByType: typeCounts },
    },
    wales: {
      records: walesRecords,
      sourceRows: walesRows,
      dropped: walesDropped,
      added,
      checks: { strokeListRows: stroke.rows.length },
    },
  };
}
