import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { proximityCsv } from '../../client/proximity/proximityCsv';
import { rankColour } from '../../client/proximity/proximityLayer';
import type { ProximityBody } from '../../client/proximity/proximityTypes';
import { windowQuery, windowUnavailable } from '../../client/proximity/timeWindows';

describe('proximity time windows', () => {
  it('turns the presets and a custom window into the API parameters, and "any time" into none', () => {
    const custom = { weekdays: [6, 7], hours: '20-2' };
    expect(windowQuery('school-run', custom)).toEqual({ weekdays: '1,2,3,4,5', hours: '15-17' });
    expect(windowQuery('night-time-economy', custom)).toEqual({ weekdays: '5,6', hours: '22-4' });
    expect(windowQuery('custom', custom)).toEqual({ weekdays: '6,7', hours: '20-2' });
    expect(windowQuery('any', custom)).toEqual({});
  });

  it("greys out the window with the server's reason for month- or day-precision data, not for data with times", () => {
    expect(windowUnavailable([{ name: 'police.uk', datePrecision: 'month' }])).toMatch(
      /"police.uk" has month precision: it cannot be filtered by weekdays, hours/,
    );
    expect(windowUnavailable([{ name: 'daily', datePrecision: 'day' }])).toMatch(/"daily" has day precision/);
    expect(windowUnavailable([{ name: 'extract', datePrecision: 'datetime' }])).toBeNull();
  });
});

describe('proximity CSV and colours', () => {
  const body = {
    type: 'school',
    radius: 200,
    from: '2024-01',
    to: '2024-02',
    places: [
      { name: 'St. Woolos Primary', type: 'school', lat: 51.58, lng: -3.0, count: 13, ratioToAverage: 52.4123 },
      { name: 'Ysgol "Y" Lawnt, Rhymni', type: 'school', lat: 51.76, lng: -3.29, count: null, ratioToAverage: null },
    ],
  } as unknown as ProximityBody;

  it('writes the ranking with a withheld count left empty (never 0) and names quoted as CSV needs', () => {
    const rows = Papa.parse<Record<string, string>>(proximityCsv(body), { header: true }).data;
    expect(rows.map((r) => [r.rank, r.name, r.count, r.ratio_to_area_average, r.radius_m])).toEqual([
      ['1', 'St. Woolos Primary', '13', '52.41', '200'],
      ['2', 'Ysgol "Y" Lawnt, Rhymni', '', '', '200'],
    ]);
  });

  it('shades the first rank darkest and the last lightest', () => {
    expect(rankColour(0, 10)).toEqual([178, 24, 43]);
    expect(rankColour(9, 10)).toEqual([253, 219, 199]);
    const mid = rankColour(4, 10);
    expect(mid[1]).toBeGreaterThan(24);
    expect(mid[1]).toBeLessThan(219);
  });
});
