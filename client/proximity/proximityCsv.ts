import Papa from 'papaparse';
import type { ProximityBody } from './proximityTypes';

/**
 * The ranking as CSV, from the same answer the table shows: a withheld count stays empty (not 0),
 * so the file says no more than the screen does.
 */
export function proximityCsv(body: ProximityBody): string {
  return Papa.unparse({
    fields: [
      'rank',
      'name',
      'type',
      'latitude',
      'longitude',
      'radius_m',
      'from',
      'to',
      'count',
      'ratio_to_area_average',
    ],
    data: body.places.map((p, i) => [
      i + 1,
      p.name,
      p.type,
      p.lat.toFixed(5),
      p.lng.toFixed(5),
      body.radius,
      body.from,
      body.to,
      p.count ?? '',
      p.ratioToAverage === null ? '' : p.ratioToAverage.toFixed(2),
    ]),
  });
}
