/**
 * /api/hotspots on real Gwent police.uk data, checked against an independent path: counts tallied
 * from the raw CSVs, and Gi* recomputed with a naive double loop over H3 grid distances.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { cellToChildren, cellToLatLng, gridDistance, latLngToCell } from 'h3-js';
import { wgs84ToBng } from '../../server/geo/bng.js';
import { localAuthorities } from '../../server/geo/geodata.js';
import { distance } from '@turf/turf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { twoSidedP } from '../../server/analysis/normal.js';
import { hotspots } from '../../server/analysis/hotspots.js';
import { quartic } from '../../server/analysis/kde.js';
import { checkReleased, trueCountsAndKeys } from '../helpers/disclosure.js';
import { areaCover } from '../../server/db/areas.js';
import { forgetGeodataVersion } from '../../server/db/app-state.js';
import { findPartnershipByName } from '../../server/db/partnerships.js';
import { resolveMapping } from '../../server/ingest/mapping.js';
import { createApp } from '../../server/app.js';
import { appAs, as, createTestUser } from '../helpers/auth.js';
import { backends, type TestDb } from '../helpers/databases.js';
import { importPaths } from '../helpers/import.js';
import { policeUkFile } from '../helpers/shared-data.js';

const MONTHS = [
  '2023-07',
  '2023-08',
  '2023-09',
  '2023-10',
  '2023-11',
  '2023-12',
  '2024-01',
  '2024-02',
  '2024-03',
  '2024-04',
  '2024-05',
  '2024-06',
];

/** Violence and sexual offences per resolution-8 cell, read straight from the CSVs. */
function tallyCells(res: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const month of MONTHS) {
    for (const line of readFileSync(policeUkFile('gwent', month), 'utf8').split(/\r?\n/).slice(1)) {
      const f = line.split(',');
      if (f[9] !== 'Violence and sexual offences' || !f[4] || !f[5]) continue;
      const h = latLngToCell(Number(f[5]), Number(f[4]), res);
      counts.set(h, (counts.get(h) ?? 0) + 1);
    }
  }
  return counts;
}

/** Gi* the slow way: every pair's grid distance, the textbook sums. */
function naiveGiStar(cells: string[], x: number[], k: number): number[] {
  const n = x.length;
  const mean = x.reduce((a, v) => a + v, 0) / n;
  const s = Math.sqrt(x.reduce((a, v) => a + v * v, 0) / n - mean * mean);
  return cells.map((a) => {
    let wx = 0;
    let w = 0;
    for (let j = 0; j < n; j++) {
      if (gridDistance(a, cells[j]!) <= k) {
        wx += x[j]!;
        w += 1;
      }
    }
    return (wx - mean * w) / (s * Math.sqrt((n * w - w * w) / (n - 1)));
  });
}

interface HotspotsBody {
  restricted: boolean;
  method: Record<string, string>;
  cells: { h3: string; count: number | null; z: number | null; p: number | null; q: number | null; class: number }[];
}

describe.each(backends)('GET /api/hotspots on $name', (backend) => {
  let t: TestDb;
  let api: ReturnType<typeof as>;
  let publicId: number;
  let restrictedId: number;

  beforeAll(async () => {
    t = await backend.open({ geography: true });
    const gwent = `partnership:${await findPartnershipByName(t.db, 'Gwent force area')}`;
    ({ api } = await appAs(t.db, { scopes: [gwent] }));
    publicId = (
      await importPaths(
        t.db,
        MONTHS.map((m) => policeUkFile('gwent', m)),
        { kind: 'police-uk', name: 'Gwent' },
      )
    ).datasetId;
    const extract = `${process.cwd()}/geodata/sample/restricted/local-police-gwent-south-wales.csv.gz`;
    restrictedId = (
      await importPaths(t.db, [extract], {
        kind: 'incidents',
        name: 'Extract',
        mapping: resolveMapping('local-police'),
        sensitivity: 'restricted',
        threshold: 5,
        basis: 's16',
        ownerScope: gwent,
      })
    ).datasetId;
  }, 300_000);
  afterAll(async () => t?.dispose());

  it('matches a naive Gi* over the raw-CSV tally of the whole Gwent cover (zero cells included) to 1e-9', async () => {
    const res = await api.request(
      `/api/hotspots?datasets=${publicId}&groups=violence-sexual&from=2023-07&to=2024-06&res=8&area=pfa:W15000002&k=1`,
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as HotspotsBody;
    const region = await areaCover(t.db, { kind: 'pfa', code: 'W15000002' }, 8);
    expect(body.cells.map((c) => c.h3).sort()).toEqual([...region].sort());
    const tally = tallyCells(8);
    const x = region.map((h) => tally.get(h) ?? 0);
    expect(x.filter((v) => v === 0).length).toBeGreaterThan(100); // the zero cells are part of the region
    const byCell = new Map(body.cells.map((c) => [c.h3, c]));
    region.forEach((h, i) => expect(byCell.get(h)!.count, h).toBe(x[i]));
    const reference = naiveGiStar(region, x, 1);
    region.forEach((h, i) => {
      const cell = byCell.get(h)!;
      expect(Math.abs(cell.z! - reference[i]!), h).toBeLessThan(1e-9);
      expect(cell.p).toBeCloseTo(twoSidedP(reference[i]!), 12);
      expect(cell.q!).toBeGreaterThanOrEqual(cell.p! - 1e-12);
    });
    // Newport centre and Cwmbran are hot at 99%; most of rural Monmouthshire is not.
    expect(byCell.get(latLngToCell(51.5877, -2.9984, 8))!.class).toBe(3);
    expect(body.cells.filter((c) => c.class === 3).length).toBeGreaterThan(10);
    expect(body.cells.filter((c) => c.class === 0).length).toBeGreaterThan(body.cells.length / 2);
    expect(body.method.statistic).toBe('Getis-Ord Gi*');
  });

  it('releases restricted counts as the cell map does, and Gi* computed from them alone', async () => {
    const res = await api.request(
      `/api/hotspots?datasets=${restrictedId}&from=2024-01&to=2024-06&res=9&area=lad:W06000022`,
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as HotspotsBody & {
      disclosure: { applied: boolean; rules: string[]; note: string };
    };
    expect(body.restricted).toBe(true);
    expect(body.disclosure.applied).toBe(true);
    expect(body.disclosure.rules.join(' ')).toMatch(
      /cell key method.*Gi\* \(z, p, q and class\) computed from the released counts alone, a withheld count \(1 to 4\) counted as 3/,
    );
    expect(body.disclosure.note).toMatch(/^Restricted data: counts below 5 withheld/);
    expect(body.cells.length).toBeGreaterThan(500);
    const truth = await trueCountsAndKeys(
      t.db,
      'h3_r9',
      `dataset_id = $1 and month between '2024-01-01' and '2024-06-01'`,
      [restrictedId],
    );
    let secondaries = 0;
    for (const c of body.cells) {
      expect(c.count === null || c.count === 0 || c.count >= 5).toBe(true);
      if (checkReleased(c.count, truth.get(c.h3) ?? { count: 0, key: 0 }, 5, c.h3)) secondaries++;
    }
    expect(secondaries).toBeLessThanOrEqual(1);
    expect(body.cells.some((c) => c.count === null)).toBe(true);
    // Gi* redone by a reader from the released counts alone (a withheld count as 3): the same z, p, q and class.
    const redone = hotspots(
      body.cells.map((c) => c.h3),
      new Map(body.cells.map((c) => [c.h3, c.count ?? 3])),
      'auto',
    ).cells;
    body.cells.forEach((c, i) => {
      if (redone[i]!.z === null) expect(c.z, c.h3).toBeNull();
      else expect(c.z, c.h3).toBeCloseTo(redone[i]!.z!, 12);
      if (redone[i]!.q !== null) expect(c.q, c.h3).toBeCloseTo(redone[i]!.q!, 12);
      expect(c.class + 0, c.h3).toBe(redone[i]!.class + 0); // + 0: JSON has no -0
    });
    expect(body.cells.some((c) => c.class === 3)).toBe(true);
  });

  it('chooses the ring giving every cell 8 neighbours by default, says which, and keeps an explicit k', async () => {
    const query = `/api/hotspots?datasets=${publicId}&groups=violence-sexual&from=2023-07&to=2024-06&res=8&area=lad:W06000022`;
    const auto = (await (await api.request(query)).json()) as HotspotsBody & {
      k: number;
      inference: string;
      coldSpots: { possible: boolean; note: string | null };
    };
    const region = auto.cells.map((c) => c.h3);
    // Brute force: the smallest ring in which every cell has 8 others of the region within it
    // (cells with fewer even at 5 rings are detached parts, reported and left out of the choice).
    const within = (a: string, k: number) => region.filter((b) => b !== a && gridDistance(a, b) <= k).length;
    const detached = region.filter((a) => within(a, 5) < 8);
    const served = region.filter((a) => !detached.includes(a));
    const smallest = [2, 3, 4, 5].find((k) => served.every((a) => within(a, k) >= 8));
    expect(auto.k).toBe(smallest);
    expect(auto.method.weights).toMatch(
      new RegExp(`the ${smallest}-ring .* chosen automatically .* at least 8 neighbours`),
    );
    expect(auto.method.inference).toBe('normal approximation: two-sided p from z');
    expect(auto.inference).toBe('normal');
    const tally = tallyCells(8);
    const x = region.map((h) => tally.get(h) ?? 0);
    const reference = naiveGiStar(region, x, smallest!);
    auto.cells.forEach((c, i) => expect(Math.abs(c.z! - reference[i]!), c.h3).toBeLessThan(1e-9));
    // At resolution 8 the wider ring lets quiet rural cells be cold spots, and some are.
    expect(auto.coldSpots).toEqual({ possible: true, note: null });
    expect(auto.cells.some((c) => c.class < 0)).toBe(true);
    // At resolution 9, 78% of Newport's cells are empty: no arrangement of these counts gives a cold spot.
    const fine = (await (await api.request(query.replace('res=8', 'res=9'))).json()) as typeof auto;
    expect(fine.cells.filter((c) => c.count === 0).length / fine.cells.length).toBeGreaterThan(0.75);
    expect(fine.coldSpots.possible).toBe(false);
    expect(fine.coldSpots.note).toMatch(/^Cold spots cannot occur in this region/);
    expect(fine.cells.every((c) => c.class >= 0)).toBe(true);
    expect(Math.min(...fine.cells.map((c) => c.z!))).toBeGreaterThan(-1.645);
    const two = (await (await api.request(`${query}&k=2`)).json()) as { k: number; method: Record<string, string> };
    expect(two.k).toBe(2);
    expect(two.method.weights).toMatch(/the 2-ring .* as requested/);
    expect((await api.request(`${query}&k=6`)).status).toBe(400);
  });

  it('offers seeded conditional-permutation pseudo p-values, the same on every request', async () => {
    const query = `/api/hotspots?datasets=${publicId}&groups=violence-sexual&from=2023-07&to=2024-06&res=8&area=lad:W06000022&inference=permutation`;
    const first = (await (await api.request(query)).json()) as HotspotsBody & { inference: string };
    expect(first.inference).toBe('permutation');
    expect(first.method.inference).toMatch(/999 permutations .* seeded/);
    for (const c of first.cells) {
      if (c.p === null) continue;
      expect(Math.round(c.p * 1000)).toBeCloseTo(c.p * 1000, 9); // (M + 1)/1000
      expect(c.p).toBeGreaterThanOrEqual(0.001);
    }
    expect(first.cells.filter((c) => c.class === 3).length).toBeGreaterThan(3);
    // Seeded: a reader redoing it from the counts gets the same pseudo p, q and classes.
    const redone = hotspots(
      first.cells.map((c) => c.h3),
      new Map(first.cells.map((c) => [c.h3, c.count!])),
      'auto',
      { inference: 'permutation' },
    ).cells;
    expect(first.cells.map((c) => [c.p, c.q, c.class + 0])).toEqual(redone.map((c) => [c.p, c.q, c.class + 0]));
  });

  it('needs an area, and refuses day, weekday or hour filters on month-precision data', async () => {
    expect((await api.request(`/api/hotspots?datasets=${publicId}&from=2024-01&to=2024-06`)).status).toBe(400);
    const hours = await api.request(
      `/api/hotspots?datasets=${publicId}&from=2024-01&to=2024-06&area=pfa:W15000002&hours=22-4`,
    );
    expect(hours.status).toBe(400);
    expect(((await hours.json()) as { error: string }).error).toMatch(
      /"Gwent" has month precision: it cannot be filtered by hours/,
    );
    const days = await api.request(`/api/cells?datasets=${publicId},${restrictedId}&from=2024-01-05&to=2024-01-20`);
    expect(((await days.json()) as { error: string }).error).toMatch(
      /"Gwent" has month precision: it cannot be filtered by dates/,
    );
  });

  it('filters restricted daily data by whole weeks, weekday, hour and flag, matching counts in SQL', async () => {
    const where = `dataset_id = $1 and occurred_on between '2024-03-04' and '2024-03-31' and extract(isodow from occurred_on) in (5, 6) and (extract(hour from occurred_time) >= 22 or extract(hour from occurred_time) < 4)`;
    const truth = await trueCountsAndKeys(t.db, 'h3_r7', where, [restrictedId]);
    const res = await api.request(
      `/api/cells?datasets=${restrictedId}&from=2024-03-04&to=2024-03-31&weekdays=5,6&hours=22-4&res=7`,
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { cells: { h3: string; count: number | null }[] };
    expect(body.cells.map((c) => c.h3).sort()).toEqual([...truth.keys()].sort());
    expect(body.cells.filter((c) => checkReleased(c.count, truth.get(c.h3)!, 5, c.h3)).length).toBeLessThanOrEqual(1);
    expect(body.cells.some((c) => c.count !== null && c.count >= 5)).toBe(true);

    const knife = await api.request(`/api/cells?datasets=${restrictedId}&from=2024-01&to=2024-06&flags=knife&res=7`);
    const knifeCells = ((await knife.json()) as { cells: { h3: string; count: number | null }[] }).cells;
    const knifeTruth = await trueCountsAndKeys(
      t.db,
      'h3_r7',
      `dataset_id = $1 and knife and month between '2024-01-01' and '2024-06-01'`,
      [restrictedId],
    );
    expect(knifeCells.map((c) => c.h3).sort()).toEqual([...knifeTruth.keys()].sort());
    expect(knifeCells.filter((c) => checkReleased(c.count, knifeTruth.get(c.h3)!, 5, c.h3)).length).toBeLessThanOrEqual(
      1,
    );

    // Off the fixed grid of whole weeks: refused, naming the day.
    const sliding = await api.request(`/api/cells?datasets=${restrictedId}&from=2024-03-05&to=2024-03-31&res=7`);
    expect(sliding.status).toBe(400);
    expect(((await sliding.json()) as { error: string }).error).toMatch(
      /whole weeks from a Monday to a Sunday: "from" 2024-03-05 is a Tuesday/,
    );
  });

  it('profiles restricted daily knife incidents by weekday and hour, matching a tally of the raw CSV, with small slots suppressed', async () => {
    const res = await api.request(
      `/api/time-profile?datasets=${restrictedId}&from=2024-01-01&to=2024-03-31&flags=knife`,
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { counts: (number | null)[][]; restricted: boolean; threshold: number };
    const tally = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
    const csv = gunzipSync(
      readFileSync(`${process.cwd()}/geodata/sample/restricted/local-police-gwent-south-wales.csv.gz`),
    ).toString('utf8');
    for (const line of csv.split('\n').slice(1)) {
      const [, date, time, , , , , knife] = line.split(',');
      if (!date || date < '2024-01-01' || date > '2024-03-31' || knife !== 'Y') continue;
      const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
      tally[weekday]![Number(time!.slice(0, 2))]! += 1;
    }
    expect(body.restricted).toBe(true);
    const keys = await trueCountsAndKeys(
      t.db,
      `extract(isodow from occurred_on)::int || ':' || extract(hour from occurred_time)::int`,
      `dataset_id = $1 and knife and occurred_on between '2024-01-01' and '2024-03-31'`,
      [restrictedId],
    );
    tally.forEach((row, d) =>
      row.forEach((n, h) => {
        const fromDb = keys.get(`${d + 1}:${h}`) ?? { count: 0, key: 0 };
        expect(fromDb.count, `weekday ${d + 1} hour ${h}`).toBe(n);
        // A slot below k, an empty one included, is withheld: zeros would count a small area's incidents.
        if (n < body.threshold) expect(body.counts[d]![h], `weekday ${d + 1} hour ${h}`).toBeNull();
        else
          checkReleased(
            body.counts[d]![h]!,
            { count: n, key: fromDb.key },
            body.threshold,
            `weekday ${d + 1} hour ${h}`,
          );
      }),
    );
    expect(body.counts.flat().some((n) => n === null)).toBe(true);
    expect(body.counts.flat().some((n) => n === 0)).toBe(false);
    // Secondary suppression: no weekday row or hour column has exactly one withheld slot among released ones.
    const lone = (cells: (number | null)[]) =>
      cells.filter((n) => n === null).length === 1 && cells.some((n) => n !== null && n > 0);
    for (let d = 0; d < 7; d++) expect(lone(body.counts[d]!), `weekday ${d + 1}`).toBe(false);
    for (let h = 0; h < 24; h++) expect(lone(body.counts.map((row) => row[h]!)), `hour ${h}`).toBe(false);
    const monthly = await api.request(`/api/time-profile?datasets=${publicId}&from=2024-01&to=2024-03`);
    expect(monthly.status).toBe(400);
    expect(((await monthly.json()) as { error: string }).error).toMatch(/needs times: "Gwent" has month precision/);
  });

  it('estimates quartic kernel density at the cell centres, matching a brute-force sum over the raw incidents', async () => {
    const res = await api.request(
      `/api/density?datasets=${publicId}&groups=violence-sexual&from=2023-07&to=2024-06&res=8&area=lad:W06000022&bandwidth=400`,
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      bandwidth: number;
      sampleRes: number;
      bandwidths: { rule: number; sfhotspot: number; arcgis: number };
      method: { sampled: string };
      cells: { h3: string; density: number | null; band: number }[];
    };
    expect(body.bandwidth).toBe(400);
    // 400 m is under four spacings of resolution-8 centres (921 m): sampled at the resolution-9 children.
    const region = await areaCover(t.db, { kind: 'lad', code: 'W06000022' }, 8);
    expect(body.sampleRes).toBe(9);
    expect(body.cells.map((c) => c.h3)).toEqual(region.flatMap((h3) => cellToChildren(h3, 9)));
    expect(body.method.sampled).toMatch(
      /^at the centres of the \d+ resolution-9 cells within the area's resolution-8 cells/,
    );
    // The other tools' defaults are given for comparison, each a radius of some hundreds of metres or more.
    for (const b of Object.values(body.bandwidths)) expect(b).toBeGreaterThan(300);
    // Independent points: raw CSV rows in Newport's resolution-9 cover, at their resolution-10 cell centres.
    const cover9 = new Set(await areaCover(t.db, { kind: 'lad', code: 'W06000022' }, 9));
    const points: { x: number; y: number }[] = [];
    for (const month of MONTHS) {
      for (const line of readFileSync(policeUkFile('gwent', month), 'utf8').split(/\r?\n/).slice(1)) {
        const f = line.split(',');
        if (f[9] !== 'Violence and sexual offences' || !f[4] || !f[5]) continue;
        if (!cover9.has(latLngToCell(Number(f[5]), Number(f[4]), 9))) continue;
        const [lat, lng] = cellToLatLng(latLngToCell(Number(f[5]), Number(f[4]), 10));
        const [x, y] = wgs84ToBng(lng, lat);
        points.push({ x, y });
      }
    }
    const h = 400;
    for (const cell of body.cells.filter((_, i) => i % 25 === 0)) {
      const [lat, lng] = cellToLatLng(cell.h3);
      const [tx, ty] = wgs84ToBng(lng, lat);
      let expected = 0;
      for (const p of points) {
        const u2 = ((p.x - tx) ** 2 + (p.y - ty) ** 2) / (h * h);
        if (u2 < 1) expected += (3 / (Math.PI * h * h)) * (1 - u2) ** 2;
      }
      expect(cell.density!).toBeCloseTo(expected * 1e6, 6);
    }
    expect(Math.max(...body.cells.map((c) => c.band))).toBe(5);
  });

  it("spreads the released counts of restricted data, never narrower than the cells' spacing", async () => {
    const res = await api.request(
      `/api/density?datasets=${restrictedId}&from=2024-01&to=2024-03&res=9&area=lad:W06000022`,
    );
    const body = (await res.json()) as {
      bandwidth: number;
      restricted: boolean;
      method: { points: string };
      cells: { h3: string; density: number; band: number }[];
    };
    expect(body.restricted).toBe(true);
    expect(body.bandwidth).toBeGreaterThanOrEqual(348); // resolution-9 centres are about 348 m apart
    expect(body.method.points).toMatch(/released counts of the resolution-9 cells/);
    expect(new Set(body.cells.map((c) => c.band))).toEqual(new Set([0, 1, 2, 3, 4, 5]));
    // The density redone from the released cells alone (a withheld count as 3), by brute force.
    const cells = (
      (await (
        await api.request(`/api/cells?datasets=${restrictedId}&from=2024-01&to=2024-03&res=9&area=lad:W06000022`)
      ).json()) as { cells: { h3: string; count: number | null }[] }
    ).cells;
    const xy = (h3: string) => {
      const [lat, lng] = cellToLatLng(h3);
      const [x, y] = wgs84ToBng(lng, lat);
      return { x, y };
    };
    const sources = cells.map((c) => ({ ...xy(c.h3), weight: c.count ?? 3 }));
    for (const cell of body.cells.filter((_, i) => i % 97 === 0)) {
      const at = xy(cell.h3);
      const expected =
        sources.reduce((a, p) => a + p.weight * quartic((p.x - at.x) ** 2 + (p.y - at.y) ** 2, body.bandwidth), 0) *
        1e6;
      expect(cell.density, cell.h3).toBeCloseTo(expected, 6);
    }
    const narrow = await api.request(
      `/api/density?datasets=${restrictedId}&from=2024-01&to=2024-03&res=9&area=lad:W06000022&bandwidth=50`,
    );
    expect(narrow.status).toBe(422);
    expect(((await narrow.json()) as { error: string }).error).toMatch(
      /below the spacing of resolution-9 cells \(348 m\)/,
    );
  });

  it('saves versioned serious-violence definitions and applies them (and the national presets) to selections', async () => {
    const gwentId = Number((await findPartnershipByName(t.db, 'Gwent force area'))!);
    const post = (body: unknown, who = api) =>
      who.request(`/api/partnerships/${gwentId}/definitions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const base = {
      key: 'serious-violence',
      name: 'Gwent serious violence',
      groups: ['violence-sexual', 'robbery', 'weapons'],
      excludedGroups: ['sexual-offences', 'stalking-harassment'],
    };
    const v1 = (await (await post(base)).json()) as { definition: { id: number; version: number } };
    const v2 = (await (await post({ ...base, flags: ['knife'] })).json()) as {
      definition: { id: number; version: number };
    };
    expect([v1.definition.version, v2.definition.version]).toEqual([1, 2]);
    const listed = (await (await api.request(`/api/partnerships/${gwentId}/definitions`)).json()) as {
      definitions: { version: number }[];
      presets: { id: string }[];
    };
    expect(listed.definitions.map((d) => d.version)).toEqual([1, 2]);
    expect(listed.presets.map((p) => p.id)).toEqual(['knife-hospital', 'knife-police', 'homicide']);

    const total = async (query: string) => {
      const res = await api.request(`/api/cells?datasets=${restrictedId}&from=2024-01&to=2024-06&res=7&${query}`);
      expect(res.status, query).toBe(200);
      const body = (await res.json()) as {
        definition: { version: number; name: string } | null;
        groups: string[];
        cells: { count: number | null }[];
      };
      return {
        ...body,
        released: body.cells.reduce((a, c) => a + (c.count ?? 0), 0),
        suppressed: body.cells.filter((c) => c.count === null).length,
      };
    };
    const sql = async (groups: string[], knife: boolean) =>
      (
        await t.db.query<{ n: number }>(
          `select count(*)::int as n from incidents where dataset_id = $1 and month between '2024-01-01' and '2024-06-01' and offence_group = any($2::text[]) ${knife ? 'and knife' : ''}`,
          [restrictedId, groups],
        )
      )[0]!.n;
    const first = await total(`definition=${v1.definition.id}`);
    expect(first.definition).toMatchObject({ name: 'Gwent serious violence', version: 1 });
    expect([...first.groups].sort()).toEqual([
      'assault-injury-ed',
      'homicide',
      'robbery',
      'violence-sexual',
      'violence-with-injury',
      'violence-without-injury',
      'weapons',
    ]);
    const expected1 = await sql(first.groups, false);
    expect(expected1 - first.released).toBeGreaterThanOrEqual(first.suppressed);
    expect(expected1 - first.released).toBeLessThanOrEqual(first.suppressed * 4);
    const second = await total(`definition=${v2.definition.id}`);
    expect(second.definition!.version).toBe(2);
    expect(second.released).toBeLessThan(first.released);
    const preset = await total('definition=preset:knife-police');
    expect(preset.definition).toMatchObject({ name: 'Police-recorded knife or sharp object offences', version: 1 });
    const expectedPreset = await sql(preset.groups, true);
    expect(expectedPreset - preset.released).toBeGreaterThanOrEqual(preset.suppressed);
    expect(expectedPreset - preset.released).toBeLessThanOrEqual(preset.suppressed * 4);

    expect(
      (
        await api.request(
          `/api/cells?datasets=${restrictedId}&from=2024-01&to=2024-06&definition=preset:knife-police&groups=robbery`,
        )
      ).status,
    ).toBe(400);
    expect(
      (await api.request(`/api/cells?datasets=${restrictedId}&from=2024-01&to=2024-06&definition=preset:nothing`))
        .status,
    ).toBe(404);
    const outsider = as(createApp(t.db), await createTestUser(t.db, { role: 'analyst', scopes: ['pcc:W15000003'] }));
    expect((await post(base, outsider)).status).toBe(403);
    expect((await post({ ...base, groups: ['not-a-group'] })).status).toBe(400);
  });

  it('summarises an area: count, population, rate, share of its force, concentration and priority cells with their nearest settings', async () => {
    const res = await api.request(
      `/api/areas/lad:W06000022/summary?datasets=${publicId}&groups=violence-sexual&from=2023-07&to=2024-06&res=9&top=5&within=400`,
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      count: number;
      population: number;
      rate: number;
      forceCount: number;
      shareOfForce: number;
      force: string;
      concentration: {
        cells: number;
        total: number;
        top10: number;
        gini: number;
        generalisedGini: number;
        minimum: { top10: number; gini: number };
      };
      priorities: {
        h3: string;
        count: number;
        class: number;
        nearest: { type: string; name: string; distance: number }[];
      }[];
    };
    const newport9 = new Set(await areaCover(t.db, { kind: 'lad', code: 'W06000022' }, 9));
    // Totals count each incident in the local authority the import placed it in (the cells are for
    // the map): test/api/compare-lad-counts.test.ts checks these against R sf point-in-polygon.
    const inLads = async (lads: string[]) =>
      (
        await t.db.query<{ n: number }>(
          `select count(*)::int as n from incidents where dataset_id = $1 and offence_group = 'violence-sexual'
              and month between '2023-07-01' and '2024-06-01' and lad_code = any($2::text[])`,
          [publicId, lads],
        )
      )[0]!.n;
    const inNewport = await inLads(['W06000022']);
    const inGwent = await inLads(['W06000018', 'W06000019', 'W06000020', 'W06000021', 'W06000022']);
    // With each figure the least the same incidents could give over the same cells (spread as evenly as whole
    // incidents allow: r = n mod N cells hold one more), and the generalised Gini.
    const { cells: N, total: n } = body.concentration;
    const r = n % N;
    expect(body.concentration.minimum.gini).toBeCloseTo((r * (N - r)) / (N * n), 12);
    const k = Math.ceil(0.1 * N);
    expect(body.concentration.minimum.top10).toBeCloseTo((k * Math.floor(n / N) + Math.min(k, r)) / n, 12);
    expect(body.concentration.generalisedGini).toBeCloseTo(
      n < N ? (N * body.concentration.gini - (N - n)) / n : body.concentration.gini,
      12,
    );
    expect(body.count).toBe(inNewport);
    expect(body.forceCount).toBe(inGwent);
    expect(body.force).toBe('pfa:W15000002');
    expect(body.shareOfForce).toBeCloseTo(inNewport / inGwent, 12);
    const newportPopulation = localAuthorities().features.find((f) => f.properties.code === 'W06000022')!.properties
      .population;
    expect(body.population).toBe(newportPopulation); // ONS mid-2020, 156,447
    expect(body.rate).toBeCloseTo((inNewport / body.population) * 1000, 1);
    expect(body.concentration.cells).toBe(newport9.size);
    expect(body.concentration.top10).toBeGreaterThan(0.4);
    expect(body.priorities).toHaveLength(5);
    expect(body.priorities[0]!.class).toBe(3);
    // Each nearest setting really is the nearest of its type within 400 m (brute force over the places).
    const places = await t.db.query<{ type: string; name: string; lat: number; lng: number }>(
      'select p.type, p.name, p.lat, p.lng from places p join place_layers l on l.id = p.layer_id where not l.restricted',
    );
    for (const cell of body.priorities) {
      const [lat, lng] = cellToLatLng(cell.h3);
      for (const near of cell.nearest) {
        const d = (p: { lat: number; lng: number }) => distance([lng, lat], [p.lng, p.lat], { units: 'meters' });
        const best = Math.min(...places.filter((p) => p.type === near.type).map(d));
        expect(near.distance).toBeCloseTo(best, 6);
        expect(near.distance).toBeLessThanOrEqual(400);
      }
    }
    expect(body.priorities.some((p) => p.nearest.length > 0)).toBe(true);
  });

  it('counts incidents near each school, matching a brute-force count over the raw incidents, and ranks them', async () => {
    const res = await api.request(
      `/api/proximity?datasets=${publicId}&groups=violence-sexual&from=2023-07&to=2024-06&area=lad:W06000022&type=school&radius=300&top=500`,
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      placesInArea: number;
      incidentsInArea: number;
      areaKm2: number;
      places: { name: string; lat: number; lng: number; count: number; ratioToAverage: number }[];
    };
    const newport9 = new Set(await areaCover(t.db, { kind: 'lad', code: 'W06000022' }, 9));
    const points: [number, number][] = [];
    for (const month of MONTHS) {
      for (const line of readFileSync(policeUkFile('gwent', month), 'utf8').split(/\r?\n/).slice(1)) {
        const f = line.split(',');
        if (f[9] !== 'Violence and sexual offences' || !f[4] || !f[5]) continue;
        if (newport9.has(latLngToCell(Number(f[5]), Number(f[4]), 9)))
          points.push(wgs84ToBng(Number(f[4]), Number(f[5])));
      }
    }
    expect(body.incidentsInArea).toBe(points.length);
    expect(body.placesInArea).toBeGreaterThan(40);
    expect(body.places).toHaveLength(body.placesInArea);
    for (const school of body.places) {
      const [x, y] = wgs84ToBng(school.lng, school.lat);
      const expected = points.filter(([px, py]) => (px - x) ** 2 + (py - y) ** 2 <= 300 * 300).length;
      expect(school.count, school.name).toBe(expected);
      expect(school.ratioToAverage).toBeCloseTo(expected / ((points.length / body.areaKm2) * Math.PI * 0.09), 9);
    }
    const counts = body.places.map((p) => p.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(body.places[0]!.ratioToAverage).toBeGreaterThan(3);
  });

  it('counts restricted data near places from the released cells alone, in a Friday-Saturday night window', async () => {
    const sel = `datasets=${restrictedId}&from=2024-01-01&to=2024-06-30&weekdays=5,6&hours=22-4&area=lad:W06000022`;
    const res = await api.request(`/api/proximity?${sel}&type=licensed-premises&radius=400`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      restricted: boolean;
      places: { lat: number; lng: number; count: number | null; ratioToAverage: number | null }[];
    };
    expect(body.restricted).toBe(true);
    for (const p of body.places)
      expect(p.count === null ? p.ratioToAverage === null : p.count === 0 || p.count >= 5).toBe(true);
    expect(body.places.some((p) => (p.count ?? 0) >= 5)).toBe(true);
    // Each place's count is the sum of the released resolution-9 cells whose centre lies within 400 m.
    const cells = (
      (await (await api.request(`/api/cells?${sel}&res=9`)).json()) as { cells: { h3: string; count: number | null }[] }
    ).cells;
    const released = new Map(cells.map((c) => [c.h3, c.count]));
    const cover = await areaCover(t.db, { kind: 'lad', code: 'W06000022' }, 9);
    for (const place of body.places.slice(0, 10)) {
      const [px, py] = wgs84ToBng(place.lng, place.lat);
      const near = cover.filter((h3) => {
        const [lat, lng] = cellToLatLng(h3);
        const [x, y] = wgs84ToBng(lng, lat);
        return (x - px) ** 2 + (y - py) ** 2 <= 400 ** 2;
      });
      const parts = near.map((h3) => (released.has(h3) ? released.get(h3)! : 0));
      const sum = parts.reduce<number>((a, n) => a + (n ?? 3), 0);
      const expected = parts.some((n) => n === null) && parts.every((n) => n === null || n === 0) ? null : sum;
      expect(place.count).toBe(expected);
    }
    const tight = await api.request(`/api/proximity?${sel}&type=licensed-premises&radius=150`);
    expect(tight.status).toBe(422);
  });

  it('takes an area drawn as a list of cells: incidents in those cells, their children at finer resolutions, totals that add up', async () => {
    const sel = `datasets=${publicId}&groups=violence-sexual&from=2023-07&to=2024-06`;
    const newport = (
      (await (await api.request(`/api/cells?${sel}&res=8&area=lad:W06000022`)).json()) as {
        cells: { h3: string; count: number }[];
      }
    ).cells;
    const chosen = [...newport].sort((a, b) => b.count - a.count).slice(0, 5);
    const area = `cells:${chosen.map((c) => c.h3).join(',')}`;
    const tally = tallyCells(8);
    for (const c of chosen) expect(c.count).toBe(tally.get(c.h3));

    const finer = (await (await api.request(`/api/cells?${sel}&res=9&area=${area}`)).json()) as {
      cells: { h3: string; count: number }[];
      area: string;
    };
    // At a finer resolution the area is the cells' H3 children, counted from the raw CSV.
    const children = chosen.flatMap((c) => cellToChildren(c.h3, 9));
    const tally9 = tallyCells(9);
    expect(finer.cells.map((c) => c.h3).sort()).toEqual(children.filter((h) => tally9.has(h)).sort());
    for (const c of finer.cells) expect(c.count).toBe(tally9.get(c.h3));

    const gi = (await (await api.request(`/api/hotspots?${sel}&res=9&area=${area}`)).json()) as HotspotsBody;
    expect(gi.cells.map((c) => c.h3).sort()).toEqual(chosen.flatMap((c) => cellToChildren(c.h3, 9)).sort());

    const summary = (await (await api.request(`/api/areas/${area}/summary?${sel}&res=8`)).json()) as {
      count: number;
      force: string;
      area: string;
    };
    expect(summary.count).toBe(chosen.reduce((a, c) => a + c.count, 0));
    expect(summary.force).toBe('pfa:W15000002');

    const coarser = await api.request(`/api/cells?${sel}&res=7&area=${area}`);
    expect(coarser.status).toBe(400);
    expect(((await coarser.json()) as { error: string }).error).toMatch(
      /resolution-8 cells can be analysed at resolution 8 or finer \(asked for 7\)/,
    );
    const bad = await api.request(`/api/cells?${sel}&res=9&area=cells:nothex,${chosen[0]!.h3}`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/not H3 cells: nothex/);
    const mixed = await api.request(
      `/api/cells?${sel}&res=9&area=cells:${chosen[0]!.h3},${cellToChildren(chosen[1]!.h3, 9)[0]}`,
    );
    expect(((await mixed.json()) as { error: string }).error).toMatch(/cells of one resolution only \(got 8, 9\)/);
  });
  it('compresses results and answers an unchanged one with 304, until the data or the geography changes', async () => {
    const url = `/api/hotspots?datasets=${publicId}&groups=violence-sexual&from=2023-07&to=2024-06&res=8&area=pfa:W15000002`;
    const first = await api.request(url, { headers: { 'accept-encoding': 'gzip' } });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-encoding')).toBe('gzip');
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const zipped = Buffer.from(await first.arrayBuffer());
    const plain = await (await api.request(url)).text();
    expect(gunzipSync(zipped).toString('utf8')).toBe(plain);
    expect(zipped.length).toBeLessThan(plain.length / 4);
    const tag = first.headers.get('etag')!;
    expect(tag).toMatch(/"[0-9a-f]+"/);
    const again = await api.request(url, { headers: { 'if-none-match': tag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    // Access is checked before the tag: another user with no right to the data gets no 304.
    const outsider = await createTestUser(t.db, { role: 'analyst', scopes: [] });
    const app = createApp(t.db);
    expect(
      (
        await as(app, outsider).request(
          `/api/hotspots?datasets=${restrictedId}&from=2023-07&to=2024-06&res=8&area=pfa:W15000002`,
          { headers: { 'if-none-match': '*' } },
        )
      ).status,
    ).toBe(403);
    // Results are kept per data version: a republished month (here with 50 violent crimes
    // fewer) is a new import, so the same request is answered afresh, with a new tag.
    const total = (body: { cells: { count: number | null }[] }) =>
      body.cells.reduce((a, cell) => a + (cell.count ?? 0), 0);
    const kept = (await (await api.request(url)).json()) as { cells: { count: number | null }[] };
    const june = readFileSync(policeUkFile('gwent', '2024-06'), 'utf8').split(/\r?\n/);
    const violent = june
      .map((line, i) => [line, i] as const)
      .filter(([line]) => line.split(',')[9] === 'Violence and sexual offences' && line.split(',')[4])
      .slice(0, 50)
      .map(([, i]) => i);
    const republished = join(mkdtempSync(join(tmpdir(), 'hotspot-june-')), '2024-06-gwent-street.csv');
    writeFileSync(republished, june.filter((_, i) => !violent.includes(i)).join('\n'));
    await importPaths(t.db, [republished], { kind: 'police-uk', name: 'Gwent' });
    const fresh = await api.request(url);
    expect(fresh.headers.get('etag')).not.toBe(tag);
    const fewer = total(kept) - total((await fresh.json()) as { cells: { count: number | null }[] });
    expect(fewer).toBeGreaterThan(40);
    expect(fewer).toBeLessThanOrEqual(50);
    await importPaths(t.db, [policeUkFile('gwent', '2024-06')], { kind: 'police-uk', name: 'Gwent' });
    // A restricted query is audited once a day per user however it is answered (from memory or
    // computed): asking it again is not a new query; a different one is.
    const audited = async () => (await t.db.query(`select 1 from audit_log where action = 'analysis.hotspots'`)).length;
    const restricted = `/api/hotspots?datasets=${restrictedId}&from=2023-07&to=2024-06&res=8&area=pfa:W15000002`;
    const before = await audited();
    expect((await api.request(restricted)).status).toBe(200);
    expect((await api.request(restricted)).status).toBe(200);
    expect(await audited()).toBe(before + 1);
    expect((await api.request(restricted.replace('res=8', 'res=7'))).status).toBe(200);
    expect(await audited()).toBe(before + 2);
    // The cover is cached per geography version: a new version (a geodata reload) is read afresh.
    const cover = await areaCover(t.db, { kind: 'pfa', code: 'W15000002' }, 8);
    expect(Object.isFrozen(cover)).toBe(true);
    const dropped = cover[0]!;
    const { value } = (
      await t.db.query<{ value: string }>(`select value from app_state where key = 'geodata_version'`)
    )[0]!;
    await t.db.query(`update area_cells set in_cover = false where res = 8 and h3 = $1`, [dropped]);
    expect(await areaCover(t.db, { kind: 'pfa', code: 'W15000002' }, 8)).toContain(dropped);
    await t.db.query(`update app_state set value = $1 where key = 'geodata_version'`, [`${value}-test`]);
    // Read at most every few seconds; a reload in this process forgets it at once, as here.
    forgetGeodataVersion(t.db);
    expect(await areaCover(t.db, { kind: 'pfa', code: 'W15000002' }, 8)).not.toContain(dropped);
    await t.db.query(`update area_cells set in_cover = true where res = 8 and h3 = $1`, [dropped]);
    await t.db.query(`update app_state set value = $1 where key = 'geodata_version'`, [value]);
    forgetGeodataVersion(t.db);
    expect(await areaCover(t.db, { kind: 'pfa', code: 'W15000002' }, 8)).toContain(dropped);
  });
});
