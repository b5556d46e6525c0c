import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPartnershipByName } from '../../server/db/partnerships.js';
import { resolveMapping } from '../../server/ingest/mapping.js';
import { appAs, type as } from '../helpers/auth.js';
import { backends, type TestDb } from '../helpers/databases.js';
import { importPaths } from '../helpers/import.js';

/**
 * Property: for random small restricted datasets and random selections on every analysis route,
 * no response carries a count from 1 to k-1, and no rate or ratio is released beside a withheld count.
 */

const HEADER =
  'occurrence_ref,committed_date,committed_time,latitude,longitude,offence_description,domestic_abuse,knife_sharp,alcohol_related,force';
/** Twelve spots in central Newport a few hundred metres apart, so incidents share and split cells. */
const SPOTS = Array.from(
  { length: 12 },
  (_, i) => [51.575 + 0.004 * (i % 4), -3.01 + 0.006 * Math.floor(i / 4)] as const,
);
const OFFENCES = [
  'Common assault',
  'Assault occasioning actual bodily harm',
  'Robbery of personal property',
  'Possession of article with blade or point',
];
const GROUPS = ['violence-sexual', 'violence-with-injury', 'violence-without-injury', 'robbery', 'weapons'];
const MONTHS = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06'];
/** Mondays and Sundays of the first half of 2024, for whole-week periods. */
const MONDAYS = Array.from({ length: 25 }, (_, i) => new Date(Date.UTC(2024, 0, 1 + 7 * i)).toISOString().slice(0, 10));
const sundayAfter = (monday: string, weeks: number) =>
  new Date(Date.parse(`${monday}T00:00:00Z`) + (7 * weeks - 1) * 86_400_000).toISOString().slice(0, 10);

const incident = fc.record({
  spot: fc.nat({ max: SPOTS.length - 1 }),
  day: fc.nat({ max: 181 }),
  hour: fc.nat({ max: 23 }),
  offence: fc.constantFrom(...OFFENCES),
  knife: fc.boolean(),
});

const selection = fc.record({
  route: fc.constantFrom(
    'cells',
    'hotspots',
    'density',
    'time-profile',
    'summary',
    'proximity',
    'change',
    'space-time',
    'trend',
  ),
  periodKind: fc.constantFrom('month', 'fortnight'),
  asOf: fc.constantFrom('2024-03-14', '2024-04-30', '2024-06-06', '2024-07-01'),
  compare: fc.constantFrom('previous', 'year'),
  res: fc.constantFrom(7, 8, 9, 10),
  period: fc.oneof(
    fc
      .tuple(fc.nat({ max: 5 }), fc.nat({ max: 5 }))
      .map(([a, b]) => `from=${MONTHS[Math.min(a, b)]}&to=${MONTHS[Math.max(a, b)]}`),
    fc
      .tuple(fc.nat({ max: 20 }), fc.integer({ min: 1, max: 4 }))
      .map(([w, n]) => `from=${MONDAYS[w]}&to=${sundayAfter(MONDAYS[w]!, n)}`),
  ),
  groups: fc.option(fc.subarray(GROUPS, { minLength: 1 }), { nil: undefined }),
  knife: fc.boolean(),
  weekdays: fc.option(fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }), { nil: undefined }),
  hours: fc.option(fc.tuple(fc.nat({ max: 23 }), fc.nat({ max: 23 })), { nil: undefined }),
  // Restricted data is released for fixed areas only (a list of cells is refused: see the attack suite).
  area: fc.constantFrom('lad:W06000022', 'pfa:W15000002', 'lad:W06000020'),
});

type Selection = typeof selection extends fc.Arbitrary<infer S> ? S : never;

function url(datasetId: number, s: Selection): string {
  const over = [`datasets=${datasetId}`, `period=${s.periodKind}`, `asOf=${s.asOf}`];
  if (s.route === 'change')
    return `/api/change?${[...over, `compare=${s.compare}`, `area=${s.area}`, `res=${Math.min(s.res, 9)}`].join('&')}`;
  if (s.route === 'space-time')
    return `/api/space-time?${[...over, 'periods=4', `area=${s.area}`, `res=${Math.min(s.res, 9)}`].join('&')}`;
  if (s.route === 'trend') return `/api/areas/${s.area}/trend?${[...over, 'periods=4'].join('&')}`;
  const params = [`datasets=${datasetId}`, s.period];
  if (s.groups) params.push(`groups=${s.groups.join(',')}`);
  if (s.knife) params.push('flags=knife');
  if (s.weekdays) params.push(`weekdays=${s.weekdays.join(',')}`);
  if (s.hours) params.push(`hours=${s.hours[0]}-${s.hours[1]}`);
  if (s.route === 'summary')
    return `/api/areas/${s.area}/summary?${[...params, `res=${Math.min(s.res, 9)}`].join('&')}`;
  params.push(`area=${s.area}`, `res=${s.route === 'density' || s.route === 'hotspots' ? Math.min(s.res, 9) : s.res}`);
  if (s.route === 'proximity') params.push('type=licensed-premises', 'radius=300');
  return `/api/${s.route}?${params.join('&')}`;
}

const COUNT_FIELDS = new Set(['count', 'counts', 'forceCount', 'incidentsInArea', 'current', 'comparison']);
const DERIVED_FIELDS = ['rate', 'ratioToAverage', 'shareOfForce', 'averagePerKm2'];

/** Every count anywhere in a response, with its path; and every object releasing a derived value beside a withheld count. */
function scan(value: unknown, path: string, counts: [string, number][], leaks: string[]): void {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) scan(v, `${path}[${i}]`, counts, leaks);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  if (record.count === null)
    for (const f of DERIVED_FIELDS) if (record[f] !== undefined && record[f] !== null) leaks.push(`${path}.${f}`);
  for (const [key, v] of Object.entries(record)) {
    if (COUNT_FIELDS.has(key)) {
      const flat = (Array.isArray(v) ? v.flat(2) : [v]) as unknown[];
      for (const n of flat) if (typeof n === 'number') counts.push([`${path}.${key}`, n]);
    }
    scan(v, `${path}.${key}`, counts, leaks);
  }
}

describe.each(backends)('disclosure control on $name: random restricted datasets and selections', (backend) => {
  let t: TestDb;
  let api: ReturnType<typeof as>;
  let owner: string;
  const dir = mkdtempSync(join(tmpdir(), 'hotspot-property-'));
  let n = 0;

  beforeAll(async () => {
    t = await backend.open({ geography: true });
    owner = `partnership:${await findPartnershipByName(t.db, 'Gwent force area')}`;
    ({ api } = await appAs(t.db, { scopes: [owner] }));
  }, 300_000);
  afterAll(async () => t?.dispose());

  it('never releases a count in 1..k-1, nor a rate beside a withheld count', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 3, max: 10 }),
        fc.array(incident, { minLength: 1, maxLength: 120 }),
        fc.array(selection, { minLength: 3, maxLength: 3 }),
        async (k, incidents, selections) => {
          const file = join(dir, `extract-${++n}.csv`);
          const lines = incidents.map((x, i) => {
            const date = new Date(Date.UTC(2024, 0, 1 + x.day)).toISOString().slice(0, 10);
            const [lat, lng] = SPOTS[x.spot]!;
            return `P${i},${date},${String(x.hour).padStart(2, '0')}:30,${lat},${lng},${x.offence},N,${x.knife ? 'Y' : 'N'},N,Gwent Police`;
          });
          writeFileSync(file, [HEADER, ...lines].join('\n') + '\n');
          const { datasetId } = await importPaths(t.db, [file], {
            kind: 'incidents',
            name: `Random ${n}`,
            mapping: resolveMapping('local-police'),
            sensitivity: 'restricted',
            threshold: k,
            basis: 's16',
            ownerScope: owner,
          });
          for (const s of selections) {
            const path = url(datasetId, s);
            const res = await api.request(path);
            const body = (await res.json()) as Record<string, unknown>;
            expect(res.status, `${path}: ${JSON.stringify(body).slice(0, 200)}`).toBe(200);
            expect(body.restricted, path).toBe(true);
            expect(body.threshold, path).toBe(k);
            const counts: [string, number][] = [];
            const leaks: string[] = [];
            scan(body, '', counts, leaks);
            for (const [where, value] of counts)
              expect(value === 0 || value >= k, `${path} ${where} = ${value} with k = ${k}`).toBe(true);
            expect(leaks, path).toEqual([]);
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 600_000);
});
