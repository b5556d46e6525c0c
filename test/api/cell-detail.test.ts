/**
 * GET /api/cells/:h3/detail on real data: Gwent police.uk months (public) and the bundled
 * restricted local-police extract. The cell's figures must be the map's own (/api/cells for the
 * same selection), months no dataset covers missing rather than 0, and restricted figures only
 * released values.
 */
import { cellToLatLng, cellToParent, getResolution } from 'h3-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { insertNote, insertPanel, insertReview } from '../../server/db/panels.js';
import { findPartnershipByName } from '../../server/db/partnerships.js';
import { resolveMapping } from '../../server/ingest/mapping.js';
import { recordReleases, replayReleases, stopTapping } from '../../server/release/tap.js';
import { as, createTestUser, type TestUser } from '../helpers/auth.js';
import { backends, type TestDb } from '../helpers/databases.js';
import { tinyExtract } from '../helpers/extract.js';
import { importPaths } from '../helpers/import.js';
import { policeUkFile } from '../helpers/shared-data.js';

const SAMPLE = `${process.cwd()}/geodata/sample/restricted`;
const MONTHS = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06'];
const NEWPORT = 'lad:W06000022';
const K = 5;

type Json = Record<string, unknown>;
interface Detail {
  name: { label: string; lsoa: string | null } | null;
  count: number | null;
  population: number | null;
  rate: number | null;
  restricted: boolean;
  lsoa: { code: string; name: string } | null;
  lad: { code: string; name: string; nameWelsh: string | null } | null;
  months: { month: string; covered: boolean; count: number | null }[];
  offenceMix: { id: string; label: string; count: number | null }[];
  gi: { class: number; ring: number; neighbours: { h3: string; count: number | null; self: boolean }[] } | null;
  timeProfile: (number | null)[][] | null;
  timeProfileNote: string | null;
  nearest: { type: string; name: string; distance: number }[];
  notes: { body: string; panelName: string; meetingDate: string }[];
}

describe.each(backends)('cell detail on $name', (backend) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let analyst: TestUser;
  let outsider: TestUser;
  const ids = { police: 0, extract: 0 };

  beforeAll(async () => {
    t = await backend.open({ geography: true });
    const gwent = await findPartnershipByName(t.db, 'Gwent force area');
    const owner = `partnership:${gwent}`;
    analyst = await createTestUser(t.db, { role: 'analyst', scopes: [owner] });
    outsider = await createTestUser(t.db, { role: 'analyst', scopes: ['partnership:999999'] });
    app = createApp(t.db);
    ids.police = (
      await importPaths(
        t.db,
        MONTHS.map((m) => policeUkFile('gwent', m)),
        { kind: 'police-uk', name: 'Gwent police.uk' },
      )
    ).datasetId;
    ids.extract = (
      await importPaths(t.db, [`${SAMPLE}/local-police-gwent-south-wales.csv.gz`], {
        kind: 'incidents',
        name: 'Extract',
        mapping: resolveMapping('local-police'),
        sensitivity: 'restricted',
        threshold: K,
        basis: 's16',
        ownerScope: owner,
      })
    ).datasetId;
  }, 600_000);
  afterAll(async () => {
    await t?.dispose();
  });

  const get = async <T = Json>(path: string, user: TestUser = analyst): Promise<{ status: number; body: T }> => {
    const res = await as(app, user).request(path);
    return { status: res.status, body: (await res.json()) as T };
  };
  const selection = (dataset: number, from = MONTHS[0]!, to = MONTHS.at(-1)!, res = 9) =>
    `datasets=${dataset}&groups=violence-sexual,robbery,weapons&from=${from}&to=${to}&res=${res}&area=${NEWPORT}`;
  /** The busiest cell of the map for a selection, and its count there. */
  const busiest = async (query: string) => {
    const { body } = await get<{ cells: { h3: string; count: number | null }[] }>(`/api/cells?${query}`);
    const top = body.cells.filter((c) => c.count !== null).sort((a, b) => b.count! - a.count!)[0]!;
    return { ...top, cells: body.cells };
  };

  it('public data: the cell count, months, offence mix and Gi* are the map selection over that cell', async () => {
    const query = selection(ids.police);
    const top = await busiest(query);
    const { status, body } = await get<Detail>(`/api/cells/${top.h3}/detail?${query}`);
    expect(status).toBe(200);
    expect(body.count).toBe(top.count);
    expect(body.restricted).toBe(false);
    expect(body.months.map((m) => m.month)).toEqual(MONTHS);
    expect(body.months.every((m) => m.covered)).toBe(true);
    expect(body.months.reduce((a, m) => a + m.count!, 0)).toBe(top.count);
    expect(body.offenceMix.reduce((a, g) => a + g.count!, 0)).toBe(top.count);
    expect(body.offenceMix[0]!.label).toMatch(/[A-Z]/);
    expect(body.lad).toEqual({ code: 'W06000022', name: 'Newport', nameWelsh: 'Casnewydd' });
    expect(body.lsoa?.name).toMatch(/^Newport \d{3}[A-Z]$/);
    // Named for people (another module names locations): a label, and the same LSOA.
    expect(body.name?.label).toMatch(/[A-Za-z]/);
    expect(body.name?.lsoa).toBe(body.lsoa?.name);
    expect(body.population).toBeGreaterThan(0);
    expect(body.rate).toBeCloseTo((top.count! / body.population!) * 1000, 6);
    // The busiest cell of central Newport is a hot spot; its neighbourhood is its ring in the area.
    expect(body.gi?.class).toBeGreaterThan(0);
    expect(body.gi!.neighbours.filter((n) => n.self).map((n) => n.h3)).toEqual([top.h3]);
    expect(body.gi!.neighbours.length).toBeGreaterThan(6);
    const mapCount = new Map(top.cells.map((c) => [c.h3, c.count]));
    for (const n of body.gi!.neighbours) expect(n.count).toBe(mapCount.get(n.h3) ?? 0);
    // police.uk has months only: no day-by-hour profile, and it says why.
    expect(body.timeProfile).toBeNull();
    expect(body.timeProfileNote).toMatch(/needs times/);
    expect(body.nearest.length).toBeGreaterThan(0);
    for (const s of body.nearest) expect(s.distance).toBeLessThanOrEqual(1000);
  });

  it('months no selected dataset covers are missing, not 0', async () => {
    const query = selection(ids.police, '2023-10', '2024-03');
    const top = await busiest(query);
    const { body } = await get<Detail>(`/api/cells/${top.h3}/detail?${query}`);
    expect(body.months.map((m) => [m.month, m.covered])).toEqual([
      ['2023-10', false],
      ['2023-11', false],
      ['2023-12', false],
      ['2024-01', true],
      ['2024-02', true],
      ['2024-03', true],
    ]);
    expect(body.months.slice(0, 3).map((m) => m.count)).toEqual([null, null, null]);
  });

  it('restricted data: only released values (the map count, months 0, withheld or at least k), no one-cell profile', async () => {
    const query = selection(ids.extract);
    const top = await busiest(query);
    const { status, body } = await get<Detail>(`/api/cells/${top.h3}/detail?${query}`);
    expect(status).toBe(200);
    expect(body.restricted).toBe(true);
    expect(body.count).toBe(top.count);
    const released = (n: number | null) => n === null || n === 0 || n >= K;
    expect(body.months.every((m) => released(m.count))).toBe(true);
    expect(body.months.some((m) => m.count === null || m.count >= K)).toBe(true);
    expect(body.offenceMix.every((g) => released(g.count))).toBe(true);
    expect(body.gi!.neighbours.every((n) => released(n.count))).toBe(true);
    expect(body.timeProfile).toBeNull();
    expect(body.timeProfileNote).toMatch(/restricted data/);
    // A withheld cell's detail carries no count or rate.
    const withheld = top.cells.find((c) => c.count === null)!;
    const small = await get<Detail>(`/api/cells/${withheld.h3}/detail?${query}`);
    expect(small.status, JSON.stringify(small.body)).toBe(200);
    expect(small.body.count).toBeNull();
    expect(small.body.rate).toBeNull();
  });

  it('restricted data: the answer is made from released tables alone (recorded, the truth changed, replayed: the same)', async () => {
    const query = selection(ids.extract);
    const top = await busiest(query);
    const path = `/api/cells/${top.h3}/detail?${query}`;
    const tables = recordReleases();
    const first = await get(path);
    stopTapping();
    const [lat, lng] = cellToLatLng(top.h3);
    await importPaths(t.db, [tinyExtract('more-at-the-cell', { rows: 12, at: { lat, lng } })], {
      kind: 'incidents',
      name: 'Extract',
      mapping: resolveMapping('local-police'),
      sensitivity: 'restricted',
      threshold: K,
      basis: 's16',
      ownerScope: `partnership:${await findPartnershipByName(t.db, 'Gwent force area')}`,
    });
    replayReleases(tables);
    const replayed = await get(path);
    stopTapping();
    expect(first.status).toBe(200);
    expect(JSON.stringify(replayed.body)).toBe(JSON.stringify(first.body));
    // Asked live, the answer moves: twelve more incidents in January at the cell.
    expect(JSON.stringify((await get(path)).body)).not.toBe(JSON.stringify(first.body));
  });

  it('refuses what the map would: lists of cells for restricted data, other resolutions, cells outside the area, datasets not held', async () => {
    const top = await busiest(selection(ids.extract));
    const list = selection(ids.extract).replace(NEWPORT, `cells:${top.h3}`);
    expect((await get(`/api/cells/${top.h3}/detail?${list}`)).status).toBe(422);
    expect((await get(`/api/cells/${top.h3}/detail?${selection(ids.police, MONTHS[0], MONTHS[5], 8)}`)).status).toBe(
      400,
    );
    const cardiff = '89195b71a2bffff';
    expect(getResolution(cardiff)).toBe(9);
    expect((await get(`/api/cells/${cardiff}/detail?${selection(ids.police)}`)).status).toBe(404);
    expect((await get(`/api/cells/${top.h3}/detail?${selection(ids.extract)}`, outsider)).status).toBe(403);
    expect((await get(`/api/cells/not-a-cell/detail?${selection(ids.police)}`)).status).toBe(400);
  });

  it("lists the user's partnerships' panel notes on the cell (and on its parent), not others'", async () => {
    const top = await busiest(selection(ids.police));
    const gwent = (await findPartnershipByName(t.db, 'Gwent force area'))!;
    const panel = (await insertPanel(t.db, {
      partnershipId: gwent,
      name: 'Newport CMET',
      cadence: 'month',
      selection: {},
      createdBy: analyst.id,
    } as never))!;
    const review = (await insertReview(t.db, {
      panelId: panel,
      meetingDate: '2024-07-01',
      selection: {},
      dataVersions: {},
      results: {},
      createdBy: analyst.id,
    }))!;
    const parent = cellToParent(top.h3, 8);
    for (const [h3, body] of [
      [top.h3, 'CCTV review requested'],
      [parent, 'Licensing visit'],
    ] as const)
      await insertNote(t.db, {
        reviewId: review,
        h3,
        kind: 'note',
        body,
        owner: null,
        status: null,
        createdBy: analyst.id,
      });
    const { body } = await get<Detail>(`/api/cells/${top.h3}/detail?${selection(ids.police)}`);
    expect(body.notes.map((n) => [n.body, n.panelName, n.meetingDate])).toEqual([
      ['CCTV review requested', 'Newport CMET', '2024-07-01'],
      ['Licensing visit', 'Newport CMET', '2024-07-01'],
    ]);
    const other = await createTestUser(t.db, { role: 'analyst', scopes: ['partnership:999998'] });
    expect((await get<Detail>(`/api/cells/${top.h3}/detail?${selection(ids.police)}`, other)).body.notes).toEqual([]);
  });
});
