import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conditionalBinomialP } from '../../server/analysis/count-tests.js';
import { areaCover, ladsOfArea } from '../../server/db/areas.js';
import { datasetCoverage } from '../../server/db/coverage.js';
import { getDatasetsByIds } from '../../server/db/datasets.js';
import { findPartnershipByName } from '../../server/db/partnerships.js';
import { resolveMapping } from '../../server/ingest/mapping.js';
import { appAs, type as } from '../helpers/auth.js';
import { backends, type TestDb } from '../helpers/databases.js';
import { importPaths } from '../helpers/import.js';
import { extract, FORTNIGHTS, MEETING, SPOTS } from '../helpers/planted.js';
import { policeUkFile } from '../helpers/shared-data.js';

const ED_FILE = `${process.cwd()}/geodata/sample/restricted/istv-ed-gwent-south-wales.csv.gz`;

/** Issue 24, items 2 and 3: a period or place no selected dataset covers is missing, not zero. */
describe.each(backends)('coverage on $name: missing is not zero', (backend) => {
  let t: TestDb;
  let api: ReturnType<typeof as>;
  let gwent: number;
  let planted: number;
  const GWENT_MONTHS = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06'];

  beforeAll(async () => {
    t = await backend.open({ geography: true });
    ({ api } = await appAs(t.db));
    gwent = (
      await importPaths(
        t.db,
        GWENT_MONTHS.map((m) => policeUkFile('gwent', m)),
        { kind: 'police-uk', name: 'Gwent police.uk' },
      )
    ).datasetId;
    // Planted day-dated records over Newport whose last fortnight has one day of data: its first.
    const lastFrom = FORTNIGHTS.at(-1)!.from;
    const csv = extract(SPOTS.map((_, i) => i))
      .csv.split('\n')
      .filter((line, i) => i === 0 || line === '' || line.split(',')[1]! <= lastFrom)
      .join('\n');
    const file = join(mkdtempSync(join(tmpdir(), 'hotspot-coverage-')), 'one-day.csv');
    writeFileSync(file, csv);
    planted = (
      await importPaths(t.db, [file], {
        kind: 'incidents',
        mapping: resolveMapping('local-police'),
        name: 'Planted, one day of the last fortnight',
        sensitivity: 'public',
      })
    ).datasetId;
  }, 300_000);
  afterAll(async () => t?.dispose());

  const get = async <T>(path: string) => {
    const res = await api.request(path);
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };

  it('a trend over months before the data begin shows them as missing, and claims no trend from them', async () => {
    interface Trend {
      series: { from: string; count: number | null; covered: boolean; coverage: string }[];
      trend: { n: number; p: number | null; direction: string };
      seasonal: { p: number | null; direction: string } | null;
      lastVsYearEarlier: { covered: boolean; class: string | null; p: number | null; note: string };
      lastVsPrevious: { covered: boolean; class: string | null };
      notes: string[];
      method: Record<string, string>;
    }
    const body = await get<Trend>(
      `/api/areas/pfa:W15000002/trend?datasets=${gwent}&period=month&periods=12&asOf=2024-06-30`,
    );
    const before = body.series.slice(0, 6);
    const during = body.series.slice(6);
    expect(before.map((p) => [p.count, p.covered, p.coverage])).toEqual(before.map(() => [null, false, 'none']));
    expect(during.every((p) => p.covered && p.count !== null && p.count > 0)).toBe(true);
    // Six covered months: the test is shown, but no trend is claimed from it (and none from zeros).
    expect(body.trend.n).toBe(6);
    expect(body.trend.direction).toMatch(/^too few covered periods to claim a trend/);
    expect(body.seasonal!.p).toBeNull();
    // June 2023 is not covered: no year-on-year class ("new", p = 5e-324 before), and it says so.
    expect(body.lastVsYearEarlier).toMatchObject({ covered: false, class: null, p: null });
    expect(body.lastVsYearEarlier.note).toMatch(/not covered/);
    expect(body.lastVsPrevious.covered).toBe(true);
    expect(body.notes[0]).toBe('6 of 12 periods are not covered by the selected datasets: missing, not 0');
    expect(body.method.coverage).toMatch(/missing, not zero/);
  });

  it("Gi* over the Wales VRU area with Gwent's data: the 17 authorities no dataset covers leave the region", async () => {
    const vru = await findPartnershipByName(t.db, 'Wales Violence Prevention Unit area');
    interface Hotspots {
      cells: { h3: string; class: number }[];
      coverage: { leftOut: string[]; note: string | null };
      method: { region: string };
    }
    const body = await get<Hotspots>(
      `/api/hotspots?datasets=${gwent}&from=2024-01&to=2024-06&res=7&area=partnership:${vru}`,
    );
    const wales = await ladsOfArea(t.db, `partnership:${vru}`);
    const gwentLads = await ladsOfArea(t.db, 'pfa:W15000002');
    expect(body.coverage.leftOut.sort()).toEqual([...wales].filter((l) => !gwentLads.has(l)).sort());
    expect(body.coverage.leftOut).toHaveLength(17);
    expect(body.coverage.note).toMatch(/^17 of 22 local authorities are not covered/);
    // The region is Gwent's cover: no zero cells from the rest of Wales.
    const gwentCover = await areaCover(t.db, { kind: 'pfa', code: 'W15000002' }, 7);
    expect(body.cells.map((c) => c.h3).sort()).toEqual([...gwentCover].sort());
    // Against Gwent alone, not against empty Wales, not every cell is hot.
    const hot = body.cells.filter((c) => c.class >= 2).length;
    expect(hot).toBeGreaterThan(0);
    expect(hot / body.cells.length).toBeLessThan(0.5);
  });

  it("an area's rate counts the residents of the authorities the data cover; an uncovered area has no count", async () => {
    const vru = await findPartnershipByName(t.db, 'Wales Violence Prevention Unit area');
    interface Summary {
      count: number | null;
      population: number;
      covered: boolean;
      coverage: string | null;
      concentration: { cells: number };
    }
    const whole = await get<Summary>(
      `/api/areas/partnership:${vru}/summary?datasets=${gwent}&from=2024-01&to=2024-06&res=8`,
    );
    const gwentOnly = await get<Summary>(
      `/api/areas/pfa:W15000002/summary?datasets=${gwent}&from=2024-01&to=2024-06&res=8`,
    );
    // Gwent's incidents over Gwent's ONS residents, not over all of Wales's.
    expect(whole.covered).toBe(true);
    expect(whole.population).toBe(gwentOnly.population);
    // The count is every Gwent record in Wales: a few dozen fall just over the force's border.
    expect(whole.count! - gwentOnly.count!).toBeGreaterThanOrEqual(0);
    expect(whole.count! - gwentOnly.count!).toBeLessThan(gwentOnly.count! * 0.005);
    expect(whole.concentration.cells).toBe(gwentOnly.concentration.cells);
    expect(whole.coverage).toMatch(/^17 of 22 local authorities are not covered/);
    expect(gwentOnly.coverage).toBeNull();
    // Cardiff (South Wales Police): Gwent's data say nothing there.
    const cardiff = await get<Summary>(
      `/api/areas/lad:W06000015/summary?datasets=${gwent}&from=2024-01&to=2024-06&res=8`,
    );
    expect(cardiff).toMatchObject({ covered: false, count: null });
    expect(cardiff.coverage).toMatch(/^1 of 1 local authorities is not covered/);
  });

  it('a fortnight with one day of data is compared on that day, not reported as a fall', async () => {
    interface Change {
      coverage: {
        covered: boolean;
        periods: { coveredDays: number; days: number; coverage: string }[];
        notes: string[];
      };
      total: { current: number; comparison: number; p: number; class: string };
    }
    const body = await get<Change>(
      `/api/change?datasets=${planted}&period=fortnight&asOf=${MEETING}&res=9&area=lad:W06000022`,
    );
    expect(body.coverage.periods.map((p) => [p.coverage, p.coveredDays, p.days])).toEqual([
      ['full', 14, 14],
      ['partial', 1, 14],
    ]);
    expect(body.coverage.notes.join(' ')).toMatch(/compared on covered days only/);
    // The totals' test is R's binom.test(current, current + comparison, 1 / (1 + 14)).
    const { current, comparison } = body.total;
    expect(current).toBeGreaterThan(0);
    expect(current).toBeLessThan(comparison / 5);
    expect(body.total.p).toBeCloseTo(conditionalBinomialP(current, comparison, 1, 14), 14);
    expect(body.total.p).toBeGreaterThan(0.05);
    expect(body.total.class).not.toBe('decreasing');
  });

  it('a health dataset covers the authorities holding a twentieth of its busiest one, in its months', async () => {
    const ed = (
      await importPaths(t.db, [ED_FILE], {
        kind: 'incidents',
        name: 'ED sample (public copy for the test)',
        mapping: resolveMapping('istv-ed'),
        source: 'health',
        sensitivity: 'public',
        threshold: 0,
        basis: 'public',
      })
    ).datasetId;
    const [dataset] = await getDatasetsByIds(t.db, [ed]);
    const [coverage] = await datasetCoverage(t.db, [dataset!]);
    // The rule done again by hand from the stored incidents.
    const rows = await t.db.query<{ lad: string | null; month: string; day: string }>(
      `select lad_code as lad, to_char(month, 'YYYY-MM') as month, to_char(occurred_on, 'YYYY-MM-DD') as day
         from incidents where dataset_id = $1`,
      [ed],
    );
    const perLad = new Map<string, number>();
    for (const r of rows) if (r.lad) perLad.set(r.lad, (perLad.get(r.lad) ?? 0) + 1);
    const busiest = Math.max(...perLad.values());
    const expected = [...perLad]
      .filter(([, n]) => n * 20 >= busiest)
      .map(([lad]) => lad)
      .sort();
    const months = [...new Set(rows.map((r) => r.month))].sort();
    expect([...coverage!.lads.keys()].sort()).toEqual(months);
    for (const m of months) expect([...coverage!.lads.get(m)!].sort(), m).toEqual(expected);
    expect(expected).toContain('W06000022'); // Newport
    expect(expected.length).toBeLessThan(perLad.size); // a few far-away records do not extend it
    expect(coverage!.firstDay).toBe(rows.map((r) => r.day).sort()[0]);
    expect(coverage!.lastDay).toBe(
      rows
        .map((r) => r.day)
        .sort()
        .at(-1),
    );
    // Police and health records added together are labelled in the answer.
    const mixed = await get<{ sources: string[]; sourcesNote: string | null }>(
      `/api/hotspots?datasets=${gwent},${ed}&from=2024-01&to=2024-06&res=7&area=pfa:W15000002`,
    );
    expect(mixed.sources).toEqual(['health', 'police']);
    expect(mixed.sourcesNote).toMatch(/^police records \("Gwent police.uk"\) and health records \("ED sample/);
    const single = await get<{ sourcesNote: string | null }>(
      `/api/hotspots?datasets=${gwent}&from=2024-01&to=2024-06&res=7&area=pfa:W15000002`,
    );
    expect(single.sourcesNote).toBeNull();
  });

  it('a comparison a year before the data begin is not tested: nothing is "new"', async () => {
    interface Change {
      coverage: { covered: boolean; notes: string[] };
      cells: unknown[];
      total: { class: string | null; p: number | null };
    }
    const body = await get<Change>(
      `/api/change?datasets=${gwent}&period=month&asOf=2024-06-30&compare=year&res=8&area=pfa:W15000002`,
    );
    expect(body.coverage.covered).toBe(false);
    expect(body.cells).toEqual([]);
    expect(body.total).toMatchObject({ class: null, p: null });
    expect(body.coverage.notes.join(' ')).toMatch(/not covered/);
  });
});
