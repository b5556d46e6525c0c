import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bngToWgs84, wgs84ToBng } from '../../server/geo/bng.js';
import { SHARED } from '../helpers/shared-data.js';

/** Metres between two WGS84 points (equirectangular; fine at these distances). */
function metres(a: [number, number], b: [number, number]): number {
  const k = (Math.PI / 180) * 6_371_000;
  const dx = (a[0] - b[0]) * k * Math.cos(((a[1] + b[1]) / 2) * (Math.PI / 180));
  const dy = (a[1] - b[1]) * k;
  return Math.hypot(dx, dy);
}

describe('British National Grid conversion', () => {
  it('matches the published WGS84 positions of English emergency departments within 5 m', () => {
    // The NHS ED list carries both BNG and WGS84 coordinates for every site: an independent oracle.
    const rows = parse(readFileSync(`${SHARED}places/hospitals/emergency_departments_england.csv`), {
      columns: true,
    }) as Record<string, string>[];
    const usable = rows.filter((r) => Number(r.Easting) > 0 && Number(r.Latitude) !== 0);
    expect(usable.length).toBeGreaterThan(100);
    const errors = usable.map((r) =>
      metres(bngToWgs84(Number(r.Easting), Number(r.Northing)), [Number(r.Longitude), Number(r.Latitude)]),
    );
    errors.sort((a, b) => a - b);
    expect(errors[Math.floor(errors.length / 2)]).toBeLessThan(3);
    expect(errors[Math.floor(errors.length * 0.95)]).toBeLessThan(5);
  });

  it('matches Open Pubs postcode positions in Gwent within 5 m', () => {
    const text = readFileSync(`${SHARED}places/pubs/open_pubs.csv`, 'utf8');
    const rows = parse(text, { columns: true, relax_quotes: true, relax_column_count: true }) as Record<
      string,
      string
    >[];
    const gwent = rows.filter(
      (r) =>
        ['Newport', 'Caerphilly', 'Torfaen', 'Monmouthshire'].includes(r.local_authority!) &&
        r.easting !== '\\N' &&
        Number.isFinite(Number(r.latitude)) &&
        Number.isFinite(Number(r.easting)),
    );
    expect(gwent.length).toBeGreaterThan(400);
    for (const r of gwent) {
      expect(
        metres(bngToWgs84(Number(r.easting), Number(r.northing)), [Number(r.longitude), Number(r.latitude)]),
      ).toBeLessThan(5);
    }
  });

  it('round-trips to within a millimetre', () => {
    const [e, n] = wgs84ToBng(-2.997664, 51.588311); // Newport
    const back = bngToWgs84(e, n);
    expect(metres(back, [-2.997664, 51.588311])).toBeLessThan(0.001);
  });
});
