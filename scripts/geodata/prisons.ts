/**
 * Prisons, young offender institutions and the secure training centre of England and Wales
 * (NOMS "Prisons and their resettlement providers", 27/02/2017).
 *
 * Kept: every establishment holding people in criminal custody (prisons, YOIs, the STC, which
 * holds sentenced and remanded children: violence there, like in a prison, is kept apart from
 * community hotspots). Dropped: the establishment "Not in use" (Blantyre House) and the two
 * Immigration Removal Centres (administrative immigration detention, not criminal custody).
 *
 * Position: the postcode (parsed from Postal.Address) centroid from Code-Point Open where the
 * postcode area is one of the bundled Code-Point files (NP, CF, SA, LD, BS, GL, BA, TA, HR);
 * elsewhere in England and Wales there is no Code-Point here, so the file's own lon/lat (batch
 * geocoded with Google Maps by the source repo) is kept and flagged
 * `positionSource: 'geocoded (commercial geocoder; test data)'`.
 * "Usk / Prescoed" is one record in the source and stays one, placed at Usk (NP15 1XP); HMP
 * Prescoed (Coed-y-Paen, NP4 0TB) has no position of its own (NP4 0TB is not in Code-Point 2014).
 */
import { readCsvObjects } from './csv.js';
import { loadCodePoint } from './codepoint.js';
import {
  clean,
  codePointPosition,
  DropLog,
  orNull,
  postcodeInAddress,
  round6,
  type LayerResult,
  type PlaceRecord,
} from './place.js';
import { LICENCE, ORIGIN, PATHS, POSITION, shared } from './sources.js';
import type { AreaIndex } from '../../server/geo/area-index.js';

export const PRISON_DROP = {
  notInUse: 'establishment not in use',
  irc: 'Immigration Removal Centre (immigration detention, not a prison)',
} as const;

/** Known position caveats of the source, by establishment. */
const NOTES: Record<string, string> = {
  'Usk / Prescoed':
    'One source record for HMP Usk and HMP Prescoed, placed at Usk (47 Maryport Street, NP15 1XP); Prescoed (Coed-y-Paen, NP4 0TB, about 6 km south-west) has no position of its own',
  'Full Sutton': 'source geocoded this establishment only to town level',
  Huntercombe: 'source geocoded this establishment only to town level',
};

/** "Verne, The" -> "The Verne". */
const displayName = (name: string): string => name.replace(/^(.*), The$/, 'The $1');

const slug = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export function buildPrisons(ladIndex: AreaIndex): LayerResult {
  const cp = loadCodePoint();
  const required = [
    'Prison',
    'NOMS.Region',
    'Operator',
    'Predominant.Function',
    'Designation',
    'Notes',
    'Postal.Address',
    'NPS.Division',
    'lon',
    'lat',
  ];
  const { rows } = readCsvObjects(shared(PATHS.prisons), required);
  const dropped = new DropLog();
  const records: PlaceRecord[] = [];
  const positions: Record<string, number> = {};
  const unmatchedInBundledArea: string[] = [];
  for (const r of rows) {
    const name = clean(r.Prison);
    const fn = clean(r['Predominant.Function']);
    const designation = clean(r.Designation);
    if (fn === 'Not in use' || designation === 'Not in use') {
      dropped.add(PRISON_DROP.notInUse, name);
      continue;
    }
    if (designation === 'Immigration Removal Centre' || fn === 'Immigration Removal Centre') {
      dropped.add(PRISON_DROP.irc, displayName(name));
      continue;
    }
    const address = clean(r['Postal.Address']);
    const postcode = postcodeInAddress(address);
    let lng: number;
    let lat: number;
    let positionSource: string;
    let licence: string = LICENCE.ogl;
    const pos = postcode ? codePointPosition(cp, postcode) : null;
    const notes: string[] = [];
    if (pos?.ok) {
      ({ lng, lat } = pos);
      positionSource = POSITION.codePoint;
      licence = `${LICENCE.ogl}; position: ${LICENCE.codePoint}`;
    } else {
      lng = round6(Number(r.lon));
      lat = round6(Number(r.lat));
      if (!Number.isFinite(lng) || !Number.isFinite(lat)) throw new Error(`prisons: ${name} has no coordinates`);
      positionSource = POSITION.googleGeocoded;
      licence = `${LICENCE.ogl}; position: Google Maps geocoding (terms may restrict reuse; test data)`;
      if (pos && pos.reason === 'not-in-code-point') {
        unmatchedInBundledArea.push(`${name} (${postcode})`);
        notes.push(`postcode ${postcode} not in Code-Point 2014`);
      }
    }
    if (NOTES[name]) notes.push(NOTES[name]!);
    positions[positionSource] = (positions[positionSource] ?? 0) + 1;
    records.push({
      id: `prison:${slug(name)}`,
      type: 'prison',
      name: displayName(name),
      lng,
      lat,
      ladCode: ladIndex.locate(lng, lat),
      attributes: {
        function: fn,
        designation,
        operator: orNull(r.Operator),
        nomsRegion: orNull(r['NOMS.Region']),
        npsDivision: orNull(r['NPS.Division']),
        notes: orNull(r.Notes),
        address,
        postcode,
      },
      source: `NOMS prison list: ${ORIGIN.prisons}`,
      licence,
      positionSource,
      proxy: false,
      note: notes.length ? notes.join('; ') : null,
    });
  }
  return {
    records,
    sourceRows: rows.length,
    dropped,
    added: [],
    checks: { byPositionSource: positions, postcodeNotInCodePointInBundledArea: unmatchedInBundledArea },
  };
}
