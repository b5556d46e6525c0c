import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { latLngToCell } from 'h3-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyChanges } from '../../server/analysis/change.js';
import { areaCover } from '../../server/db/areas.js';
import { findPartnershipByName } from '../../server/db/partnerships.js';
import { resolveMapping } from '../../server/ingest/mapping.js';
import { appAs, type as } from '../helpers/auth.js';
import { backends, type TestDb } from '../helpers/databases.js';
import { importPaths } from '../helpers/import.js';
import { policeUkFile } from '../helpers/shared-data.js';
import { APPEARS, DOUBLES, extract, FORTNIGHTS, MEETING, SPOTS, STOPS } from '../helpers/planted.js';

interface ChangeBody {
  restricted: boolean;
  current: { from: string; to: string };
  cells: {
    h3: string;
    current: number | null;
    comparison: number | null;
    p: number | null;
    q: number | null;
    class: string;
  }[];
  classes: Record<string, number>;
  total: { current: number | null; comparison: number | null; class: string | null };
}

describe.each(backends)('change over time on $name: planted changes', (backend) => {
  let t: TestDb;
  let api: ReturnType<typeof as>;
  let publicId: number;
  let restrictedId: number;
  let truth: Map<string, number[]>;
  let spotCells: string[];

  beforeAll(async () => {
    t = await backend.open({ geography: true });
    const gwent = `partnership:${await findPartnershipByName(t.db, 'Gwent force area')}`;
    ({ api } = await appAs(t.db, { scopes: [gwent] }));
    const cover = new Set(await areaCover(t.db, { kind: 'lad', code: 'W06000022' }, 9));
    const spots = SPOTS.map((_, i) => i).filter((i) => cover.has(latLngToCell(SPOTS[i]![0], SPOTS[i]![1], 9)));
    expect(spots.length).toBeGreaterThan(40);
    expect([DOUBLES, APPEARS, STOPS].every((i) => cover.has(latLngToCell(SPOTS[i]![0], SPOTS[i]![1], 9)))).toBe(true);
    const built = extract(spots);
    truth = built.truth;
    spotCells = spots.map((i) => latLngToCell(SPOTS[i]![0], SPOTS[i]![1], 9));
    const file = join(mkdtempSync(join(tmpdir(), 'hotspot-change-')), 'planted.csv');
    writeFileSync(file, built.csv);
    const common = { kind: 'incidents' as const, mapping: resolveMapping('local-police'), ownerScope: gwent };
    publicId = (await importPaths(t.db, [file], { ...common, name: 'Planted (public copy)', sensitivity: 'public' }))
      .datasetId;
    restrictedId = (
      await importPaths(t.db, [file], {
        ...common,
        name: 'Planted',
        sensitivity: 'restricted',
        threshold: 5,
        basis: 's16',
      })
    ).datasetId;
  }, 300_000);
  afterAll(async () => t?.dispose());

  const change = async (id: number, extra = '') => {
    const res = await api.request(
      `/api/change?datasets=${id}&period=fortnight&asOf=${MEETING}&res=9&area=lad:W06000022${extra}`,
    );
    expect(res.status).toBe(200);
    return (await res.json()) as ChangeBody;
  };
  const cellOf = (i: number) => latLngToCell(SPOTS[i]![0], SPOTS[i]![1], 9);

  it('finds the cell that doubles, the one that appears and the one that stops, with counts that match', async () => {
    const body = await change(publicId);
    expect(body.current).toMatchObject({ from: '2024-06-10', to: '2024-06-23' });
    const byCell = new Map(body.cells.map((c) => [c.h3, c]));
    expect(byCell.get(cellOf(DOUBLES))).toMatchObject({ current: 80, comparison: 40, class: 'increasing' });
    expect(byCell.get(cellOf(APPEARS))).toMatchObject({ current: 20, comparison: 0, class: 'new' });
    expect(byCell.get(cellOf(STOPS))).toMatchObject({ current: 0, comparison: 20, class: 'ceased' });
    for (const c of body.cells) {
      const series = truth.get(c.h3)!;
      expect([c.current, c.comparison], c.h3).toEqual([series[11], series[10]]);
    }
    // The background is steady: none of it is flagged as a change in this comparison.
    const noise = body.cells.filter((c) => ![cellOf(DOUBLES), cellOf(APPEARS), cellOf(STOPS)].includes(c.h3));
    expect(noise.filter((c) => c.class !== 'no-significant-change' && c.class !== 'persistent')).toEqual([]);
  });

  it('flags no-change noise no more often than the false discovery rate allows, fortnight after fortnight', async () => {
    // Ten earlier meetings, where only background noise varies (the planted spots are steady then).
    let falseDiscoveries = 0;
    let tests = 0;
    for (let f = 2; f < 11; f++) {
      const meeting = new Date(Date.parse(`${FORTNIGHTS[f]!.to}T00:00:00Z`) + 4 * 86_400_000)
        .toISOString()
        .slice(0, 10);
      const res = await api.request(
        `/api/change?datasets=${publicId}&period=fortnight&asOf=${meeting}&res=9&area=lad:W06000022`,
      );
      const body = (await res.json()) as ChangeBody;
      expect(body.current.to).toBe(FORTNIGHTS[f]!.to);
      const flagged = body.cells.filter((c) => c.q! < 0.05);
      falseDiscoveries += flagged.length;
      tests += body.cells.length;
    }
    expect(tests).toBeGreaterThan(300);
    expect(falseDiscoveries / tests).toBeLessThanOrEqual(0.05);
  });

  it('compares with a baseline (its sum, conditional binomial) and refuses a year earlier the data do not cover', async () => {
    const baseline = await change(publicId, '&compare=baseline&baseline=6');
    const byCell = new Map(baseline.cells.map((c) => [c.h3, c]));
    expect(byCell.get(cellOf(DOUBLES))).toMatchObject({ current: 80, comparison: 40, class: 'increasing' });
    expect(byCell.get(cellOf(STOPS))).toMatchObject({ current: 0, comparison: 20, class: 'ceased' });
    const series = truth.get(spotCells[5]!)!;
    expect(byCell.get(spotCells[5]!)?.comparison ?? 0).toBeCloseTo(
      series.slice(5, 11).reduce((a, n) => a + n, 0) / 6,
      10,
    );
    // The baseline test conditions on both counts: R's binom.test(80, 80 + 240, 14 / (14 + 84)).
    const doubles = byCell.get(cellOf(DOUBLES))!;
    expect(Math.abs(doubles.p! / 3.7525438845907e-7 - 1)).toBeLessThan(1e-9);
    // A year earlier the data had not begun: that is missing, not zero, so nothing is "new".
    const year = (await change(publicId, '&compare=year')) as ChangeBody & { coverage: { covered: boolean } };
    expect(year.coverage.covered).toBe(false);
    expect(year.cells).toEqual([]);
    expect(year.total.class).toBeNull();
  });

  it('releases restricted changes as released counts, with every test computed from them alone', async () => {
    const body = await change(restrictedId);
    expect(body.restricted).toBe(true);
    const byCell = new Map(body.cells.map((c) => [c.h3, c]));
    expect(byCell.get(cellOf(APPEARS))!.class).toBe('new');
    expect(byCell.get(cellOf(STOPS))!.class).toBe('ceased');
    for (const c of body.cells) {
      for (const n of [c.current, c.comparison]) expect(n === null || n === 0 || n >= 5).toBe(true);
      const series = truth.get(c.h3)!;
      if (c.current !== null && c.current > 0) expect(Math.abs(c.current - series[11]!)).toBeLessThanOrEqual(2);
    }
    expect(body.cells.some((c) => c.current === null)).toBe(true);
    // The same classes as the public copy gives for counts as released: a reader redoing the
    // tests from the released counts (a withheld one as 3) gets the route's p.
    const redone = classifyChanges(
      body.cells.map((c) => ({ h3: c.h3, current: c.current ?? 3, comparison: c.comparison ?? 3 })),
      { test: 'two-periods', currentDays: 14, comparisonDays: 14 },
    );
    body.cells.forEach((c, i) => expect(c.p, c.h3).toBeCloseTo(redone[i]!.p!, 12));
  });

  it('classifies space-time patterns: the appearing cell emerging, the stopped one historical', async () => {
    // The planted spots are single cells: a 1-ring (explicit) finds a lone cell of 20; the automatic
    // ring (37 cells at resolution 9 in Newport) rightly does not call one busy cell a cluster.
    const res = await api.request(
      `/api/space-time?datasets=${publicId}&period=fortnight&asOf=${MEETING}&periods=10&res=9&area=lad:W06000022&k=1`,
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      cells: {
        h3: string;
        emerging: { kind: string; pattern: string } | null;
        sfhotspot: string;
        counts: number[];
        classes: (number | null)[];
      }[];
    };
    const byCell = new Map(body.cells.map((c) => [c.h3, c]));
    // The appearing cell (20 in the last fortnight, none before) is EHSA's "new" exactly when the
    // hot-spot map calls it a 95% hot spot in that fortnight: without the sea cells of Newport's
    // cover it is at q = 0.058 there (90%), so not "new"; sfhotspot's Holm over its own periods
    // (raw p = 0.0004) still calls it emerging.
    const last = FORTNIGHTS.at(-1)!;
    const map = (await (
      await api.request(
        `/api/hotspots?datasets=${publicId}&from=${last.from}&to=${last.to}&res=9&area=lad:W06000022&k=1`,
      )
    ).json()) as { cells: { h3: string; class: number }[] };
    const lastClass = map.cells.find((c) => c.h3 === cellOf(APPEARS))!.class;
    expect(byCell.get(cellOf(APPEARS))).toMatchObject({
      emerging: lastClass >= 2 ? { kind: 'hot', pattern: 'new' } : null,
      sfhotspot: 'emerging hotspot',
    });
    expect(byCell.get(cellOf(STOPS))).toMatchObject({
      emerging: { kind: 'hot', pattern: 'historical' },
      sfhotspot: 'persistent hotspot',
    });
    expect(['persistent', 'intensifying']).toContain(byCell.get(cellOf(DOUBLES))!.emerging?.pattern);
    expect(byCell.get(cellOf(DOUBLES))!.counts).toEqual(truth.get(cellOf(DOUBLES))!.slice(2));
    // Each period's Gi* class per cell, as the hot spot map classes that period (its last fortnight here).
    for (const c of body.cells) expect(c.classes).toHaveLength(10);
    expect(byCell.get(cellOf(APPEARS))!.classes.at(-1)).toBe(lastClass);
    expect(
      byCell
        .get(cellOf(APPEARS))!
        .classes.slice(0, -1)
        .every((v) => (v ?? 0) < 2),
    ).toBe(true);
    // The stopped spot: hot while it had its 20 a fortnight, not in the last fortnight.
    expect(
      byCell
        .get(cellOf(STOPS))!
        .classes.slice(0, 9)
        .every((v) => (v ?? 0) >= 2),
    ).toBe(true);
    expect(byCell.get(cellOf(STOPS))!.classes.at(-1)! < 2).toBe(true);
  });

  it('names the neighbourhood, the sfhotspot rule and the EHSA time step it used', async () => {
    const base = `/api/space-time?datasets=${publicId}&period=fortnight&asOf=${MEETING}&periods=10&res=9&area=lad:W06000022`;
    type Body = {
      k: number;
      rule: string;
      timeStep: number;
      method: Record<string, string>;
      cells: { h3: string; emerging: { kind: string; pattern: string } | null; sfhotspot: string }[];
    };
    const get = async (q: string) => {
      const res = await api.request(`${base}${q}`);
      expect(res.status).toBe(200);
      return (await res.json()) as Body;
    };
    const auto = await get('');
    expect(auto.k).toBe(3);
    expect(auto.rule).toBe('sfhotspot');
    expect(auto.timeStep).toBe(0);
    expect(auto.method.significance).toMatch(/3-ring, the smallest giving every cell 8 neighbours/);
    expect(auto.method.sfhotspot).toMatch(/Holm-adjusted over each cell's periods/);
    const one = await get('&k=1');
    const fdr = await get('&k=1&rule=fdr-over-cells');
    expect(fdr.rule).toBe('fdr-over-cells');
    expect(fdr.method.sfhotspot).toMatch(/FDR-adjusted over the region's cells/);
    // The stopped spot (20 a fortnight for nine fortnights) is persistent under both rules; EHSA is the same.
    for (const b of [one, fdr]) {
      expect(b.cells.find((c) => c.h3 === cellOf(STOPS))!.sfhotspot).toBe('persistent hotspot');
    }
    const oneEmerging = new Map(one.cells.map((c) => [c.h3, c.emerging]));
    for (const c of fdr.cells) expect(c.emerging).toEqual(oneEmerging.get(c.h3) ?? null);
    // Time step 1: the period before counts in each bin's neighbourhood, so a spot that stopped in
    // the last fortnight still has its previous fortnight's 20 around it there.
    const step = await get('&k=1&timeStep=1');
    expect(step.timeStep).toBe(1);
    expect(step.method.emerging).toMatch(/neighbourhood time step of 1/);
    expect(step.cells.find((c) => c.h3 === cellOf(STOPS))!.emerging).not.toEqual(
      one.cells.find((c) => c.h3 === cellOf(STOPS))!.emerging,
    );
    expect((await api.request(`${base}&timeStep=2`)).status).toBe(400);
    expect((await api.request(`${base}&rule=holm`)).status).toBe(400);
  });

  it('trends an area period by period, and refuses fortnights on monthly police.uk data with a clear message', async () => {
    const res = await api.request(
      `/api/areas/lad:W06000022/trend?datasets=${publicId}&period=fortnight&asOf=${MEETING}&periods=12`,
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      series: { from: string; count: number }[];
      trend: { direction: string };
      lastVsPrevious: { percent: number };
    };
    const expected = FORTNIGHTS.map((_, f) => spotCells.reduce((a, h) => a + truth.get(h)![f]!, 0));
    expect(body.series.map((s) => s.count)).toEqual(expected);
    expect(body.lastVsPrevious.percent).toBeCloseTo(((expected[11]! - expected[10]!) / expected[10]!) * 100, 10);
    const pub = await importPaths(t.db, [policeUkFile('gwent', '2024-01')], {
      kind: 'police-uk',
      name: 'Gwent monthly',
    });
    const refused = await api.request(
      `/api/change?datasets=${pub.datasetId}&period=fortnight&asOf=2024-02-15&res=9&area=lad:W06000022`,
    );
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toMatch(
      /^fortnights need day-dated data .*"Gwent monthly" has month precision/,
    );
  });
});
