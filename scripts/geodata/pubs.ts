/**
 * Licensed premises from Open Pubs (FSA hygiene-rating business type "Pub/bar/nightclub", 2017).
 *
 * Area rule: the row's `local_authority` names one of the bundled councils (LA names are the
 * pre-2019 ones, e.g. "Taunton Deane", "Bristol, City of", and match LAD13NM). The column is the
 * FSA's own assignment, so it is not thrown off by generalised coastlines; `ladCode` is where the
 * point falls in the built LADs. Blaenau Gwent is missing from Open Pubs altogether.
 *
 * Position: the postcode centroid from Code-Point Open where the postcode is there (every pub in
 * the NP, CF, SA, LD, BS, GL, BA, TA, HR areas), as for schools and prisons; elsewhere (LL, SY,
 * CH) Open Pubs' own easting/northing (an ONS postcode centroid), BNG -> WGS84 with proj4.
 * Open Pubs' positions are wrong for a few dozen rows (several pubs stacked on one point up to
 * 98 km away, e.g. five Cotswold pubs at one spot in Stroud), which the Code-Point position
 * corrects; a pub still more than 2 km outside the council that registered it is dropped.
 *
 * Quirks handled: `\N` for missing coordinates (those rows also carry a bogus easting/northing,
 * 622675,-5527598) are dropped and counted; two rows use backslash-escaped quotes
 * (`"J D Wetherspoon \""The Star\"",""105 High Street, ..."`), which a CSV parser reads as one
 * merged name+address field with every later column shifted left: they are split back.
 */
import { readFileSync } from 'node:fs';
import { readCsv } from './csv.js';
import { normaliseCouncilName } from './areas.js';
import { booleanPointInPolygon, point, pointToPolygonDistance } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { loadCodePoint } from './codepoint.js';
import {
  clean,
  codePointPosition,
  DropLog,
  fromBng,
  formatPostcode,
  type LayerResult,
  type PlaceRecord,
} from './place.js';
import { LICENCE, ORIGIN, PATHS, POSITION, shared } from './sources.js';
import type { AreaIndex } from '../../server/geo/area-index.js';

/** A pub further than this outside the council that registered it has a wrong position. */
export const MAX_KM_OUTSIDE_STATED_COUNCIL = 2;

const HEADER = [
  'fas_id',
  'name',
  'address',
  'postcode',
  'easting',
  'northing',
  'latitude',
  'longitude',
  'local_authority',
];

/** Undo the backslash-quote damage: [id, 'name\",\"address', postcode, ..., la, ''] -> 9 fields. */
export function repairOpenPubsRow(r: string[]): { row: string[]; repaired: boolean } {
  const merged = r[1] ?? '';
  const split = merged.indexOf('\\","');
  if (r.length === 9 && r[8] === '' && split >= 0) {
    const name = merged.slice(0, split + 2).replace(/\\"/g, '"');
    const address = merged.slice(split + 4);
    return { row: [r[0]!, name, address, ...r.slice(2, 8)], repaired: true };
  }
  return { row: r, repaired: false };
}

export const PUB_DROP = {
  noCoordinates: 'no coordinates (\\N)',
  positionOutside: `Open Pubs position more than ${MAX_KM_OUTSIDE_STATED_COUNCIL} km outside its stated council (postcode not in Code-Point)`,
  postcodeOutside: `postcode centroid more than ${MAX_KM_OUTSIDE_STATED_COUNCIL} km outside its stated council`,
} as const;

function metres(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const dLat = (lat1 - lat2) * 111_320;
  const dLng = (lng1 - lng2) * 111_320 * Math.cos((lat1 * Math.PI) / 180);
  return Math.hypot(dLat, dLng);
}

export function buildPubs(
  ladIndex: AreaIndex,
  ladCodeByName: Map<string, string>,
  lad: FeatureCollection<Polygon | MultiPolygon, { code: string }>,
): LayerResult {
  const text = readFileSync(shared(PATHS.pubs), 'utf8');
  const { header, rows } = readCsv(PATHS.pubs, { text });
  if (header.join(',') !== HEADER.join(',')) throw new Error(`open_pubs.csv: unexpected header ${header.join(',')}`);
  const dropped = new DropLog();
  const records: PlaceRecord[] = [];
  let repaired = 0;
  let maxShiftM = 0;
  let statedLadDisagrees = 0;
  let outsideBundled = 0;
  const byLad: Record<string, number> = {};
  const byPositionSource: Record<string, number> = {};
  const openPubsPositionCorrected: string[] = [];
  const cp = loadCodePoint();
  const ladFeatures = new Map(lad.features.map((f) => [f.properties.code, f]));
  for (const raw of rows) {
    if (raw.length === 1 && raw[0] === '') continue;
    const fixed = repairOpenPubsRow(raw);
    if (fixed.repaired) repaired++;
    const r = fixed.row;
    if (r.length !== 9) throw new Error(`open_pubs.csv: row with ${r.length} fields: ${r.join(',')}`);
    const [fasId, name, address, postcode, easting, northing, latitude, longitude, la] = r as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const statedLad = ladCodeByName.get(normaliseCouncilName(la));
    if (!statedLad) continue; // outside the bundled councils: not a drop, just not in scope
    if ([easting, northing, latitude, longitude].some((v) => v === '\\N' || v === '')) {
      dropped.add(PUB_DROP.noCoordinates, `${clean(name)} (${la})`);
      continue;
    }
    // Open Pubs' own position, and the file's WGS84 pair as a check of the conversion (metres).
    const [opLng, opLat] = fromBng(Number(easting), Number(northing));
    maxShiftM = Math.max(maxShiftM, metres(opLng, opLat, Number(longitude), Number(latitude)));
    const cpPos = codePointPosition(cp, postcode);
    const [lng, lat] = cpPos.ok ? [cpPos.lng, cpPos.lat] : [opLng, opLat];
    if (cpPos.ok && metres(lng, lat, opLng, opLat) > 500)
      openPubsPositionCorrected.push(`${clean(name)} (${formatPostcode(postcode)})`);
    const statedFeature = ladFeatures.get(statedLad)!;
    const kmOutside = booleanPointInPolygon(point([lng, lat]), statedFeature)
      ? 0
      : pointToPolygonDistance(point([lng, lat]), statedFeature, { units: 'kilometers' });
    if (kmOutside > MAX_KM_OUTSIDE_STATED_COUNCIL) {
      dropped.add(
        cpPos.ok ? PUB_DROP.postcodeOutside : PUB_DROP.positionOutside,
        `${clean(name)} (${formatPostcode(postcode)}, ${la}, ${kmOutside.toFixed(1)} km)`,
      );
      continue;
    }
    const ladCode = ladIndex.locate(lng, lat);
    if (ladCode === null) outsideBundled++;
    else if (ladCode !== statedLad) statedLadDisagrees++;
    byLad[statedLad] = (byLad[statedLad] ?? 0) + 1;
    const ps = cpPos.ok ? POSITION.codePoint : POSITION.openPubs;
    byPositionSource[ps] = (byPositionSource[ps] ?? 0) + 1;
    records.push({
      id: `pub:${fasId}`,
      type: 'licensed-premises',
      name: clean(name),
      lng,
      lat,
      ladCode,
      attributes: {
        fsaId: Number(fasId),
        address: clean(address),
        postcode: formatPostcode(postcode),
        localAuthority: la,
        statedLadCode: statedLad,
      },
      source: `Open Pubs: ${ORIGIN.pubs}`,
      licence: cpPos.ok ? `${LICENCE.ogl}; position: ${LICENCE.codePoint}` : LICENCE.ogl,
      positionSource: ps,
      proxy: false,
      note: 'FSA business type Pub/bar/nightclub (includes bars and clubs); 2017 snapshot',
    });
  }
  return {
    records,
    sourceRows: rows.filter((r) => !(r.length === 1 && r[0] === '')).length,
    dropped,
    added: [],
    checks: {
      areaRule: 'local_authority column names a bundled council',
      inScopeRows: records.length + dropped.total,
      byStatedLad: byLad,
      rowsRepairedForBackslashQuotes: repaired,
      byPositionSource,
      openPubsPositionMoreThan500mFromCodePoint: openPubsPositionCorrected,
      pointInOtherBundledLad: statedLadDisagrees,
      pointOutsideBundledLads: outsideBundled,
      openPubsEastingNorthingVsLatLngMaxMetres: Math.round(maxShiftM * 10) / 10,
    },
  };
}
