import { bngToWgs84, isPlausibleBng } from '../geo/bng.js';
import { parseDate, parseTime } from './dates.js';
import { ImportError } from './errors.js';
import { parseCoordinate } from './locate.js';
import { postcodePosition } from './postcode-position.js';
import type { ColumnMapping } from './mapping.js';
import { normaliseOffenceText, OFFENCE_DESCRIPTIONS } from './offence-groups.js';
import { reject, type ParseResult, type RowParser } from './row.js';
import { normaliseAgeBand, normaliseSetting, normaliseWeapon, parseFlag } from './vocabularies.js';

/** Incident CSVs with a caller-supplied column mapping (local police extracts, ISTV ED data). */
export function incidentCsvParser(mapping: ColumnMapping): RowParser {
  const extraGroups = new Map(
    Object.entries(mapping.offenceGroups ?? {}).map(([k, v]) => [normaliseOffenceText(k), v]),
  );
  let col: Record<string, number> = {};
  let width = 0;
  const get = (values: string[], name: string | undefined) =>
    name === undefined ? undefined : (values[col[name]!] ?? '');

  return {
    datePrecision: mapping.time ? 'datetime' : 'day',
    checkHeader(header, fileName) {
      const names = header.map((h) => h.trim());
      width = names.length;
      col = Object.fromEntries(names.map((n, i) => [n, i]));
      const wanted = mappedColumns(mapping);
      const missing = wanted.filter((c) => !(c in col));
      if (missing.length > 0) {
        throw new ImportError(
          `${fileName}: header lacks the mapped column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')} (found: ${names.join(', ').slice(0, 300)})`,
        );
      }
    },
    parse(values): ParseResult {
      if (values.length !== width)
        return reject('wrong number of columns', `wrong number of columns (${values.length}, expected ${width})`);
      const dateText = get(values, mapping.date)!;
      const parsedDate = parseDate(dateText, mapping.dateFormat);
      if (!parsedDate)
        return reject('unparseable date', `unparseable date "${dateText}" (expected ${mapping.dateFormat})`);
      let time = parsedDate.time;
      if (mapping.time) {
        const t = get(values, mapping.time)!;
        time = t.trim() === '' ? null : parseTime(t);
        if (time === null && t.trim() !== '') return reject('unparseable date', `unparseable time "${t}"`);
      }

      const point = readPoint(mapping, (c) => get(values, c)!);
      if ('category' in point) return reject(point.category, point.reason);

      const offenceText = get(values, mapping.offence)!.trim();
      const key = normaliseOffenceText(offenceText);
      const group = extraGroups.get(key) ?? OFFENCE_DESCRIPTIONS[key];
      if (!group) return reject('unknown mapping value', `unknown offence "${offenceText}" (no offence-group mapping)`);

      const flags: Record<'knife' | 'domesticAbuse' | 'alcohol', boolean | null> = {
        knife: null,
        domesticAbuse: null,
        alcohol: null,
      };
      for (const flag of ['knife', 'domesticAbuse', 'alcohol'] as const) {
        const c = mapping.flags?.[flag];
        if (!c) continue;
        const v = parseFlag(get(values, c)!);
        if (v === undefined)
          return reject('unknown mapping value', `unknown ${c} value "${get(values, c)}" (expected Y or N)`);
        flags[flag] = v;
      }
      let weapon: string | null = null;
      if (mapping.weapon) {
        weapon = normaliseWeapon(get(values, mapping.weapon)!);
        if (!weapon) return reject('unknown mapping value', `unknown weapon "${get(values, mapping.weapon)}"`);
        if (flags.knife === null && weapon !== 'unknown') flags.knife = weapon === 'knife/sharp';
      }
      let setting: string | null = null;
      if (mapping.setting) {
        setting = normaliseSetting(get(values, mapping.setting)!);
        if (!setting) return reject('unknown mapping value', `unknown setting "${get(values, mapping.setting)}"`);
      }
      let ageBand: string | null = null;
      if (mapping.ageBand) {
        ageBand = normaliseAgeBand(get(values, mapping.ageBand)!);
        if (!ageBand) return reject('unknown mapping value', `unknown age band "${get(values, mapping.ageBand)}"`);
      }
      return {
        ok: true,
        incident: {
          month: parsedDate.date.slice(0, 7),
          occurredOn: parsedDate.date,
          occurredTime: time,
          lat: point.lat,
          lng: point.lng,
          offenceGroup: group,
          offenceText: offenceText || null,
          ...flags,
          weapon,
          setting,
          ageBand,
          externalId: get(values, mapping.externalId)?.trim() || null,
          crimeId: null,
          lsoaCode: get(values, mapping.lsoa)?.trim() || null,
          sourceForce: get(values, mapping.force)?.trim() || null,
        },
      };
    },
  };
}

function mappedColumns(m: ColumnMapping): string[] {
  const loc =
    m.location.kind === 'latlng'
      ? [m.location.lat, m.location.lng]
      : m.location.kind === 'bng'
        ? [m.location.easting, m.location.northing]
        : [m.location.postcode];
  const optional = [
    m.time,
    m.externalId,
    m.weapon,
    m.setting,
    m.ageBand,
    m.lsoa,
    m.force,
    m.flags?.knife,
    m.flags?.domesticAbuse,
    m.flags?.alcohol,
  ];
  return [m.date, m.offence, ...loc, ...optional.filter((c): c is string => !!c)];
}

function readPoint(
  m: ColumnMapping,
  get: (c: string) => string,
): { lat: number; lng: number } | { category: string; reason: string } {
  if (m.location.kind === 'latlng') {
    const lat = parseCoordinate(get(m.location.lat));
    const lng = parseCoordinate(get(m.location.lng));
    if (lat === null || lng === null) return { category: 'no coordinates', reason: 'no coordinates' };
    if (Number.isNaN(lat) || Number.isNaN(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180)
      return { category: 'invalid coordinates', reason: 'latitude/longitude are not valid numbers' };
    return { lat, lng };
  }
  if (m.location.kind === 'postcode') {
    return postcodePosition(get(m.location.postcode));
  }
  const e = parseCoordinate(get(m.location.easting));
  const n = parseCoordinate(get(m.location.northing));
  if (e === null || n === null) return { category: 'no coordinates', reason: 'no easting/northing' };
  if (Number.isNaN(e) || Number.isNaN(n) || !isPlausibleBng(e, n))
    return { category: 'invalid coordinates', reason: 'easting/northing are not British National Grid metres' };
  const [lng, lat] = bngToWgs84(e, n);
  return { lat, lng };
}
