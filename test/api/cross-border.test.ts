/**
 * Cross-border hot spots on the real Gwent and South Wales police.uk data (2024-01..04), with a
 * cluster planted across the force boundary that is significant only when both sides are
 * analysed together. The combined Gi* is checked against /api/hotspots over a partnership made
 * of both forces' local authorities (the same union, reached another way), and each side alone
 * against /api/hotspots for that force.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { areNeighborCells, cellToLatLng } from 'h3-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hotspots } from '../../server/analysis/hotspots.js';
import { areaCover } from '../../server/db/areas.js';
import { insertGrant } from '../../server/db/grants.js';
import { findPartnershipByName } from '../../server/db/partnerships.js';
import { resolveMapping } from '../../server/ingest/mapping.js';
import { appAs, as, createTestUser } from '../helpers/auth.js';
import { backends, type TestDb } from '../helpers/databases.js';
import { importPaths } from '../helpers/import.js';
import { policeUkFile } from '../helpers/shared-data.js';

const GWENT = 'W15000002';
const SOUTH_WALES = 'W15000003';
const MONTHS = ['2024-01', '2024-02', '2024-03', '2024-04'];
/**
 * A quiet stretch of the boundary at resolution 8 (Caerphilly / Cardiff): two cells in Gwent and
 * two in South Wales that touch across it. Planting PER_CELL incidents in each makes the pair on
 * the boundary hot at 99% together, while neither force alone finds any of the four hot: alone,
 * each side sees only half the cluster. (Calibrated on this data: together hot from 38 per cell,
 * alone none hot at 90% until 46.)
 */
const PLANTED = { gwent: ['8819587951fffff', '8819587955fffff'], southWales: ['8819587957fffff', '8819587953fffff'] };
const PER_CELL = 44;
const ALL_PLANTED = [...PLANTED.gwent, ...PLANTED.southWales];

interface CrossBorderBody {
  restricted: boolean;
  threshold: number | null;
  adjacent: boolean;
  areas: { area: string; cells: number; hotAlone: number }[];
  cells: {
    h3: string;
    area: string;
    count: number | null;
    z: number | null;
    class: number | null;
    aloneZ: number | null;
    aloneClass: number | null;
    pattern: string;
    border: boolean;
  }[];
  clusters: { cells: string[]; byArea: Record<string, number>; straddles: boolean; combinedOnly: number }[];
  error?: string;
  unaligned?: { group: string; datasets: { id: number; name: string }[]; suggestion: string | null }[];
}

/** The planted incidents as a police.uk month: each force reports the ones on its side. */
function plantedFile(dir: string): string {
  const header =
    'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';
  const rows: string[] = [];
  for (const [force, cells] of [
    ['Gwent Police', PLANTED.gwent],
    ['South Wales Police', PLANTED.southWales],
  ] as const) {
    for (const h3 of cells) {
      const [lat, lng] = cellToLatLng(h3);
      for (let i = 0; i < PER_CELL; i++)
        rows.push(
          `planted-${h3}-${i},2024-02,${force},${force},${lng.toFixed(6)},${lat.toFixed(6)},On or near planted,,,Violence and sexual offences,Under investigation,`,
        );
    }
  }
  const path = join(dir, '2024-02-planted-street.csv');
  writeFileSync(path, `${header}\n${rows.join('\n')}\n`);
  return path;
}

describe.each(backends)('GET /api/cross-border on $name', (backend) => {
  let t: TestDb;
  let api: ReturnType<typeof as>;
  let app: Awaited<ReturnType<typeof appAs>>['app'];
  const ids = { gwent: 0, southWales: 0, planted: 0, extract: 0 };
  let withPlant: CrossBorderBody;
  const query = (datasets: number[], extra = '') =>
    `/api/cross-border?datasets=${datasets.join(',')}&groups=violence-sexual&from=2024-01&to=2024-04&res=8&areas=pfa:${GWENT},pfa:${SOUTH_WALES}${extra}`;

  beforeAll(async () => {
    t = await backend.open({ geography: true });
    const gwentPartnership = `partnership:${await findPartnershipByName(t.db, 'Gwent force area')}`;
    ({ api, app } = await appAs(t.db, { scopes: [gwentPartnership] }));
    ids.gwent = (
      await importPaths(
        t.db,
        MONTHS.map((m) => policeUkFile('gwent', m)),
        { kind: 'police-uk', name: 'Gwent' },
      )
    ).datasetId;
    ids.southWales = (
      await importPaths(
        t.db,
        MONTHS.map((m) => policeUkFile('south-wales', m)),
        { kind: 'police-uk', name: 'South Wales' },
      )
    ).datasetId;
    ids.planted = (
      await importPaths(t.db, [plantedFile(mkdtempSync(join(tmpdir(), 'hotspot-cross-')))], {
        kind: 'police-uk',
        name: 'Planted',
      })
    ).datasetId;
    const extract = `${process.cwd()}/geodata/sample/restricted/local-police-gwent-south-wales.csv.gz`;
    ids.extract = (
      await importPaths(t.db, [extract], {
        kind: 'incidents',
        name: 'Extract',
        mapping: resolveMapping('local-police'),
        sensitivity: 'restricted',
        threshold: 5,
        basis: 's16',
        ownerScope: gwentPartnership,
      })
    ).datasetId;
    const res = await api.request(query([ids.gwent, ids.southWales, ids.planted]));
    withPlant = (await res.json()) as CrossBorderBody;
    expect(res.status, withPlant.error).toBe(200);
  }, 300_000);
  afterAll(async () => t?.dispose());

  it('plants on both sides of the boundary, touching across it', async () => {
    const gwentCover = new Set(await areaCover(t.db, { kind: 'pfa', code: GWENT }, 8));
    const swCover = new Set(await areaCover(t.db, { kind: 'pfa', code: SOUTH_WALES }, 8));
    for (const h of PLANTED.gwent) expect(gwentCover.has(h), h).toBe(true);
    for (const h of PLANTED.southWales) expect(swCover.has(h), h).toBe(true);
    expect(areNeighborCells(PLANTED.gwent[0]!, PLANTED.southWales[0]!)).toBe(true);
    const byCell = new Map(withPlant.cells.map((c) => [c.h3, c]));
    for (const h of ALL_PLANTED) {
      expect(byCell.get(h)!.border, h).toBe(true);
      expect(byCell.get(h)!.count!, h).toBeGreaterThanOrEqual(PER_CELL);
    }
    expect(withPlant.adjacent).toBe(true);
    expect(withPlant.cells.length).toBe(gwentCover.size + swCover.size);
  });

  it('finds the planted cluster hot only when both forces are combined, straddling the boundary', () => {
    const byCell = new Map(withPlant.cells.map((c) => [c.h3, c]));
    const pair = [PLANTED.gwent[0]!, PLANTED.southWales[0]!];
    for (const h of pair) {
      expect(byCell.get(h)!.class, h).toBe(3);
      expect(byCell.get(h)!.pattern, h).toBe('cross-border');
    }
    for (const h of ALL_PLANTED) expect(byCell.get(h)!.aloneClass, h).toBeLessThan(2);
    const cluster = withPlant.clusters.find((cl) => cl.cells.includes(pair[0]!))!;
    expect(cluster.cells).toContain(pair[1]);
    expect(cluster.straddles).toBe(true);
    expect(cluster.byArea[`pfa:${GWENT}`]).toBeGreaterThanOrEqual(1);
    expect(cluster.byArea[`pfa:${SOUTH_WALES}`]).toBeGreaterThanOrEqual(1);
    expect(cluster.combinedOnly).toBe(cluster.cells.length);
    // Newport and Cardiff centres are hot both ways: the real hot spots do not depend on the boundary.
    // Away from the boundary a cell can be hot only together (the wider region's mean moved), but never called cross-border.
    for (const c of withPlant.cells.filter((x) => x.pattern === 'cross-border'))
      expect(c.border || withPlant.clusters.some((cl) => cl.straddles && cl.cells.includes(c.h3)), c.h3).toBe(true);
    for (const c of withPlant.cells.filter((x) => x.pattern === 'combined-only')) expect(c.border, c.h3).toBe(false);
    const both = withPlant.cells.filter((c) => c.pattern === 'both');
    expect(both.filter((c) => c.area === `pfa:${GWENT}`).length).toBeGreaterThan(5);
    expect(both.filter((c) => c.area === `pfa:${SOUTH_WALES}`).length).toBeGreaterThan(5);
  });

  it('does not find it without the planted incidents', async () => {
    const body = (await (await api.request(query([ids.gwent, ids.southWales]))).json()) as CrossBorderBody;
    const byCell = new Map(body.cells.map((c) => [c.h3, c]));
    for (const h of ALL_PLANTED) expect(byCell.get(h)!.class, h).toBeLessThan(2);
  });

  it("agrees with /api/hotspots: together over a partnership of both forces' authorities, alone over each force", async () => {
    const lads = async (pfa: string) =>
      (
        (await (await api.request(`/api/areas?level=lad&within=pfa:${pfa}`)).json()) as { areas: { code: string }[] }
      ).areas.map((a) => a.code);
    const created = await api.request('/api/partnerships', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Gwent and South Wales',
        lads: [...(await lads(GWENT)), ...(await lads(SOUTH_WALES))],
      }),
    });
    expect(created.status).toBe(201);
    const { partnership } = (await created.json()) as { partnership: { id: number } };
    const datasets = [ids.gwent, ids.southWales, ids.planted].join(',');
    const hotspots = async (area: string) => {
      const res = await api.request(
        // The cross-border map's ring (k=1 by default there); /api/hotspots defaults to the automatic ring.
        `/api/hotspots?datasets=${datasets}&groups=violence-sexual&from=2024-01&to=2024-04&res=8&area=${area}&k=1`,
      );
      expect(res.status).toBe(200);
      return new Map(
        ((await res.json()) as { cells: { h3: string; z: number | null; class: number }[] }).cells.map((c) => [
          c.h3,
          c,
        ]),
      );
    };
    const union = await hotspots(`partnership:${partnership.id}`);
    expect(union.size).toBe(withPlant.cells.length);
    const alone = new Map([...(await hotspots(`pfa:${GWENT}`)), ...(await hotspots(`pfa:${SOUTH_WALES}`))]);
    for (const cell of withPlant.cells) {
      expect(Math.abs(cell.z! - union.get(cell.h3)!.z!), cell.h3).toBeLessThan(1e-9);
      expect(cell.class, cell.h3).toBe(union.get(cell.h3)!.class);
      expect(cell.aloneClass, cell.h3).toBe(alone.get(cell.h3)!.class);
      expect(Math.abs(cell.aloneZ! - alone.get(cell.h3)!.z!), cell.h3).toBeLessThan(1e-9);
    }
  }, 120_000);

  it('combines datasets only where their offence groups align, and says which do not', async () => {
    const homicide = await api.request(
      query([ids.gwent, ids.extract]).replace('groups=violence-sexual', 'groups=homicide'),
    );
    expect(homicide.status).toBe(400);
    const body = (await homicide.json()) as CrossBorderBody;
    expect(body.error).toContain('"Gwent" records only "Violence and sexual offences" as a whole');
    expect(body.unaligned).toEqual([
      expect.objectContaining({
        group: 'homicide',
        datasets: [{ id: ids.gwent, name: 'Gwent' }],
        suggestion: 'violence-sexual',
      }),
    ]);
    const knife = (await (
      await api.request(query([ids.gwent, ids.extract], '&flags=knife'))
    ).json()) as CrossBorderBody;
    expect(knife.unaligned?.map((u) => u.group)).toEqual(['flag:knife']);
    // The parent group aligns: police.uk counts it whole, the extract's children add up to it.
    expect((await api.request(query([ids.gwent, ids.extract]))).status).toBe(200);
  });

  it('releases restricted counts as the cell map does, and computes Gi* together and alone from them alone', async () => {
    const body = (await (
      await api.request(query([ids.extract]).replace('from=2024-01&to=2024-04', 'from=2023-07&to=2024-06'))
    ).json()) as CrossBorderBody;
    expect(body.restricted).toBe(true);
    expect(body.threshold).toBe(5);
    for (const c of body.cells) if (c.count !== null) expect(c.count === 0 || c.count >= 5, c.h3).toBe(true);
    // Gi* redone by a reader from the released counts alone (a withheld count as 3).
    const counts = new Map(body.cells.map((c) => [c.h3, c.count ?? 3]));
    const together = hotspots(
      body.cells.map((c) => c.h3),
      counts,
      1,
    ).cells;
    body.cells.forEach((c, i) =>
      together[i]!.z === null ? expect(c.z).toBeNull() : expect(c.z, c.h3).toBeCloseTo(together[i]!.z!, 9),
    );
    const gwent = body.cells.filter((c) => c.area === `pfa:${GWENT}`);
    const alone = hotspots(
      gwent.map((c) => c.h3),
      counts,
      1,
    ).cells;
    gwent.forEach((c, i) => expect((c.aloneClass ?? 0) + 0, c.h3).toBe(alone[i]!.class + 0)); // + 0: JSON has no -0
  });

  it("refuses overlapping areas, and a neighbour's restricted data the user was granted only for its own force", async () => {
    const overlap = await api.request(
      query([ids.gwent]).replace(`areas=pfa:${GWENT},pfa:${SOUTH_WALES}`, `areas=pfa:${GWENT},lad:W06000022`),
    );
    expect(overlap.status).toBe(400);
    expect(((await overlap.json()) as CrossBorderBody).error).toMatch(/pfa:W15000002 and lad:W06000022 overlap/);
    // Gwent's PCC has the extract for Gwent only: Gwent with South Wales is refused, naming the dataset.
    const pcc = await createTestUser(t.db, { role: 'pcc', scopes: [`pcc:${GWENT}`] });
    await insertGrant(t.db, {
      datasetId: ids.extract,
      placeLayerId: null,
      granteeScope: `pcc:${GWENT}`,
      purpose: 'PCC commissioning',
      area: `pfa:${GWENT}`,
      expiresAt: new Date('2099-01-01'),
      grantedBy: null,
    });
    const asPcc = as(app, pcc);
    for (const path of [
      query([ids.gwent, ids.extract]),
      `/api/compare?datasets=${ids.gwent},${ids.extract}&groups=violence-sexual&from=2024-01&to=2024-04&areas=pfa:${GWENT},pfa:${SOUTH_WALES}`,
    ]) {
      const refused = await asPcc.request(path);
      expect(refused.status, path).toBe(403);
      const body = (await refused.json()) as { error: string; refused: { id: number }[] };
      expect(body.error, path).toMatch(
        new RegExp(
          `^pfa:${SOUTH_WALES}: you may not use "Extract" \\(dataset ${ids.extract}\\): granted only within pfa:${GWENT}`,
        ),
      );
      expect(body.refused.map((r) => r.id)).toEqual([ids.extract]);
    }
    // Public data for both sides, and the granted extract inside Gwent, are allowed.
    expect((await asPcc.request(query([ids.gwent, ids.southWales]))).status).toBe(200);
    expect(
      (
        await asPcc.request(
          `/api/compare?datasets=${ids.extract}&groups=violence-sexual&from=2024-01&to=2024-04&areas=lad:W06000022,lad:W06000020`,
        )
      ).status,
    ).toBe(200);
  });
});
