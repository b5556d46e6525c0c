import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poissonInterval } from '../../server/analysis/poisson-interval.js';
import { appAs, type as } from '../helpers/auth.js';
import { backends, type TestDb } from '../helpers/databases.js';
import { importPaths } from '../helpers/import.js';
import { policeUkFile } from '../helpers/shared-data.js';
import { checkReleased, trueCountsAndKeys } from '../helpers/disclosure.js';
import { funnelLimits } from '../../server/analysis/poisson-interval.js';
import { PRESETS, definitionGroups } from '../../server/analysis/definitions.js';
import { expandGroups } from '../../server/domain/offence-groups.js';
import { resolveMapping } from '../../server/ingest/mapping.js';

const GWENT = 'W15000002';
const SOUTH_WALES = 'W15000003';
const MONTHS = ['2024-01', '2024-02', '2024-03', '2024-04'];
const GWENT_EARLIER = ['2023-01', '2023-02', '2023-03', '2023-04', '2023-09', '2023-10', '2023-11', '2023-12'];

/** R sf point-in-polygon counts per local authority (test/fixtures/police-uk-lad-counts.R). */
const reference = JSON.parse(
  readFileSync(new URL('../fixtures/police-uk-lad-counts.json', import.meta.url), 'utf8'),
) as Record<string, Record<string, Record<string, { violence: number }>>>;

/** Violence and sexual offences of the forces' files in the local authorities, by R sf point-in-polygon. */
const rTally = (forces: readonly string[], months: readonly string[], lads: readonly string[]) =>
  forces.reduce(
    (a, force) =>
      a + months.reduce((b, m) => b + lads.reduce((c, lad) => c + (reference[force]![m]![lad]?.violence ?? 0), 0), 0),
    0,
  );

/** Mid-2020 residents of a force's local authorities, from the population file. */
function population(ladCodes: readonly string[]): number {
  const rows = readFileSync(
    new URL('../../../shared/data/population/lad2021_mid2020_population_ew.csv', import.meta.url),
    'utf8',
  )
    .split(/\r?\n/)
    .slice(1);
  return rows
    .map((r) => r.split(','))
    .filter((f) => ladCodes.includes(f[0]!))
    .reduce((a, f) => a + Number(f[2]), 0);
}

interface CompareArea {
  area: string;
  count: number;
  population: number;
  rate: { rate: number; lower: number; upper: number };
  previous: { count: number; percent: number | null; class: string };
  yearEarlier: { count: number; class: string };
  shareInHotspots: number;
  months: { month: string; count: number; low: boolean }[];
  funnel: {
    limits95: { lower: number; upper: number };
    limits998: { lower: number; upper: number };
    position: string;
    z: number | null;
    methods: Record<string, { limits95: { lower: number; upper: number }; position: string } | null>;
  };
  metrics: {
    preset: string;
    count: number | null;
    rate: { rate: number } | null;
    datasets: string[];
    note: string | null;
  }[];
}

interface CompareBody {
  pooledRate: number;
  funnel: {
    population: number;
    poisson: { lower95: number; upper95: number; lower998: number; upper998: number };
    additive: { lower95: number; upper95: number; lower998: number; upper998: number } | null;
  }[];
  funnelLimits: { drawn: string; note: string; dispersion: { phi: number; tau2: number; df: number } | null };
  method: Record<string, string>;
  areas: CompareArea[];
}

describe.each(backends)('comparing Gwent and South Wales on $name', (backend) => {
  let t: TestDb;
  let api: ReturnType<typeof as>;
  let body: CompareBody;
  let extractId: number;
  let bothForces: string;

  beforeAll(async () => {
    t = await backend.open({ geography: true });
    ({ api } = await appAs(t.db));
    const gwent = await importPaths(
      t.db,
      [...GWENT_EARLIER, ...MONTHS].map((m) => policeUkFile('gwent', m)),
      { kind: 'police-uk', name: 'Gwent' },
    );
    const sw = await importPaths(
      t.db,
      MONTHS.map((m) => policeUkFile('south-wales', m)),
      { kind: 'police-uk', name: 'South Wales' },
    );
    bothForces = `${gwent.datasetId},${sw.datasetId}`;
    const extract = `${process.cwd()}/geodata/sample/restricted/local-police-gwent-south-wales.csv.gz`;
    extractId = (
      await importPaths(t.db, [extract], {
        kind: 'incidents',
        name: 'Extract',
        mapping: resolveMapping('local-police'),
        sensitivity: 'restricted',
        threshold: 5,
        basis: 's16',
        ownerScope: 'partnership:1',
      })
    ).datasetId;
    const res = await api.request(
      `/api/compare?datasets=${gwent.datasetId},${sw.datasetId}&groups=violence-sexual&from=2024-01&to=2024-04&res=9&areas=pfa:${GWENT},pfa:${SOUTH_WALES}`,
    );
    expect(res.status).toBe(200);
    body = (await res.json()) as typeof body;
  }, 300_000);
  afterAll(async () => t?.dispose());

  it('counts each force by its local authorities as R sf point-in-polygon does, with the ONS residents', async () => {
    for (const [code, force] of [
      [GWENT, 'gwent'],
      [SOUTH_WALES, 'south-wales'],
    ] as const) {
      const row = body.areas.find((a) => a.area === `pfa:${code}`)!;
      const lads = (
        (await (await api.request(`/api/areas?level=lad&within=pfa:${code}`)).json()) as { areas: { code: string }[] }
      ).areas.map((a) => a.code);
      // Both forces' data count wherever their points fall: South Wales records some crimes in Gwent and the other way round.
      // The import's LAD file is simplified (100 m) with a 2 km coastal allowance: a few points by
      // borders and the coast differ from R on the unsimplified boundaries (test/api/compare-lad-counts.test.ts).
      const r = rTally(['gwent', 'south-wales'], MONTHS, lads);
      expect(Math.abs(row.count - r) / r, `${force}: ${row.count} vs R ${r}`).toBeLessThan(0.001);
      expect(row.count, force).toBeGreaterThan(rTally([force], MONTHS, lads));
      expect(row.population, force).toBe(population(lads));
      // The rate and its exact interval.
      expect(row.rate.rate).toBeCloseTo((row.count / row.population) * 1000, 4); // population is rounded to whole residents in the response
      const [lo, hi] = poissonInterval(row.count);
      expect(row.rate.lower).toBeCloseTo((lo / row.population) * 1000, 4); // population is rounded to whole residents in the response
      expect(row.rate.upper).toBeCloseTo((hi / row.population) * 1000, 4); // population is rounded to whole residents in the response
      expect(row.rate.lower).toBeLessThan(row.rate.rate);
      expect(row.months.map((m) => m.month)).toEqual(MONTHS);
      expect(row.months.reduce((a, m) => a + m.count, 0)).toBe(row.count);
      expect(
        row.months.some((m) => m.low),
        JSON.stringify(row.months),
      ).toBe(false);
      expect(row.shareInHotspots).toBeGreaterThan(0.2);
    }
  });

  it('compares with the period before and a year earlier (where the data reach)', async () => {
    const gwent = body.areas.find((a) => a.area === `pfa:${GWENT}`)!;
    // Counted by each incident's local authority: the same as the SQL count of the stored lad_code.
    const lads = ['W06000018', 'W06000019', 'W06000020', 'W06000021', 'W06000022'];
    const stored = async (months: readonly string[]) =>
      (
        await t.db.query<{ n: number }>(
          `select count(*)::int as n from incidents i join datasets d on d.id = i.dataset_id
            where d.name = 'Gwent' and offence_group = 'violence-sexual' and lad_code = any($1::text[])
              and to_char(month, 'YYYY-MM') = any($2::text[])`,
          [lads, months],
        )
      )[0]!.n;
    expect(gwent.previous.count).toBe(await stored(['2023-09', '2023-10', '2023-11', '2023-12']));
    expect(gwent.yearEarlier.count).toBe(await stored(['2023-01', '2023-02', '2023-03', '2023-04']));
    const r = rTally(['gwent'], ['2023-01', '2023-02', '2023-03', '2023-04'], lads);
    expect(Math.abs(gwent.yearEarlier.count - r) / r).toBeLessThan(0.001);
    // Only the Gwent dataset reaches 2023: both periods are counted from it alone, so the change is like for like.
    const gwentNow = await stored(MONTHS);
    expect(gwent.previous.percent).toBeCloseTo(((gwentNow - gwent.previous.count) / gwent.previous.count) * 100, 10);
    expect((gwent.previous as unknown as { coverage: string; note: string }).coverage).toBe('partial');
    expect((gwent.previous as unknown as { note: string }).note).toBe(
      '"South Wales" does not cover 2023-09 to 2023-12: both periods counted from "Gwent" alone',
    );
    // In South Wales the Gwent data hold a sliver of the incidents: no change is claimed from them.
    const southWales = body.areas.find((a) => a.area === `pfa:${SOUTH_WALES}`)!;
    expect(southWales.previous).toMatchObject({ count: null, percent: null, class: null, coverage: 'none' });
    expect((southWales.previous as unknown as { note: string }).note).toMatch(
      /^"South Wales" does not cover 2023-09 to 2023-12; the datasets that do hold only \d+% of this area's incidents$/,
    );
  });

  it('ranks the areas by rate, highest first', () => {
    const byRate = [...body.areas].sort((a, b) => b.rate.rate - a.rate.rate);
    expect(byRate.map((a) => (a as CompareArea & { rank: number }).rank)).toEqual([1, 2]);
  });

  it('places each force on the funnel plot around the pooled rate', () => {
    const pooled =
      (body.areas.reduce((a, r) => a + r.count, 0) / body.areas.reduce((a, r) => a + r.population, 0)) * 1000;
    expect(body.pooledRate).toBeCloseTo(pooled, 10);
    for (const row of body.areas) {
      const { limits95: l95, limits998: l998, position } = row.funnel;
      expect(l998.lower).toBeLessThan(l95.lower);
      expect(l95.lower).toBeLessThan(pooled);
      expect(l95.upper).toBeGreaterThan(pooled);
      const expected =
        row.rate.rate > l998.upper
          ? 'above 99.8%'
          : row.rate.rate > l95.upper
            ? 'above 95%'
            : row.rate.rate < l998.lower
              ? 'below 99.8%'
              : row.rate.rate < l95.lower
                ? 'below 95%'
                : 'within';
      expect(position).toBe(expected);
    }
  });

  it('flags a month a force under-supplied', async () => {
    // Gwent's March 2024 file cut to its first third, as if the force had sent only part of the month.
    const dir = mkdtempSync(join(tmpdir(), 'hotspot-compare-'));
    const files = MONTHS.map((m) => {
      const lines = readFileSync(policeUkFile('gwent', m), 'utf8').split(/\r?\n/);
      const path = join(dir, `${m}-gwent-street.csv`);
      writeFileSync(path, (m === '2024-03' ? lines.slice(0, Math.floor(lines.length / 3)) : lines).join('\n'));
      return path;
    });
    const short = await importPaths(t.db, files, { kind: 'police-uk', name: 'Gwent (short March)' });
    const res = await api.request(
      `/api/compare?datasets=${short.datasetId}&groups=violence-sexual&from=2024-01&to=2024-04&areas=pfa:${GWENT},lad:W06000022`,
    );
    const rows = ((await res.json()) as { areas: CompareArea[] }).areas;
    for (const row of rows)
      expect(
        row.months.filter((m) => m.low).map((m) => m.month),
        row.area,
      ).toEqual(['2024-03']);
  });

  it("draws the funnel's control limits as curves around the pooled rate, spanning the areas' populations", () => {
    const populations = body.areas.map((a) => a.population);
    expect(body.funnel.length).toBeGreaterThan(20);
    expect(body.funnel[0]!.population).toBeLessThanOrEqual(Math.min(...populations));
    expect(body.funnel.at(-1)!.population).toBeGreaterThanOrEqual(Math.max(...populations));
    for (const point of body.funnel) {
      const l95 = funnelLimits(body.pooledRate, point.population, 0.95);
      expect(point.poisson.lower95).toBeCloseTo(l95.lower, 10);
      expect(point.poisson.upper95).toBeCloseTo(l95.upper, 10);
      // Two areas are too few to estimate over-dispersion: the Poisson limits are drawn, and said so.
      expect(point.additive).toBeNull();
    }
    expect(body.funnelLimits.drawn).toBe('poisson');
    expect(body.funnelLimits.note).toBe(
      'exact Poisson limits: fewer than three areas, too few to estimate over-dispersion',
    );
    expect(body.method.precision).toBe('compared by whole months (the datasets have months only)');
  });

  it("adjusts the funnel for the local authorities' over-dispersion and places each against the adjusted limits", async () => {
    const lads = ['W06000018', 'W06000019', 'W06000020', 'W06000021', 'W06000022', 'W06000011', 'W06000015'];
    const res = await api.request(
      `/api/compare?datasets=${bothForces}&groups=violence-sexual&from=2024-01&to=2024-04&res=8&areas=${lads.map((c) => `lad:${c}`).join(',')}`,
    );
    expect(res.status).toBe(200);
    const lad = (await res.json()) as CompareBody;
    // φ and τ² by Spiegelhalter's formulas from the response's own counts and residents (the
    // formulas themselves are checked against R in test/analysis/overdispersion.test.ts).
    const theta = lad.pooledRate;
    const z = lad.areas.map((a) => (a.rate.rate - theta) / Math.sqrt((1000 * theta) / a.population));
    const sorted = [...z].sort((a, b) => a - b);
    const q = (p: number) => {
      const h = (sorted.length - 1) * p;
      return sorted[Math.floor(h)]! + (h - Math.floor(h)) * (sorted[Math.ceil(h)]! - sorted[Math.floor(h)]!);
    };
    const phi = z.map((v) => Math.min(q(0.9), Math.max(q(0.1), v)) ** 2).reduce((a, b) => a + b, 0) / z.length;
    const w = lad.areas.map((a) => a.population / (1000 * theta));
    const sw = w.reduce((a, b) => a + b, 0);
    const tau2 = (z.length * phi - (z.length - 1)) / (sw - w.reduce((a, b) => a + b * b, 0) / sw);
    // Populations are rounded in the response, so compare to 1e-4.
    expect(lad.funnelLimits.dispersion!.phi).toBeCloseTo(phi, 3);
    expect(lad.funnelLimits.dispersion!.tau2).toBeCloseTo(tau2, 4);
    expect(phi).toBeGreaterThan(10); // Welsh authorities differ far beyond Poisson chance
    expect(lad.funnelLimits.drawn).toBe('additive');
    expect(lad.funnelLimits.note).toMatch(
      /^funnel limits adjusted for over-dispersion φ = \d+ \(additive random effects/,
    );
    for (const a of lad.areas) {
      const l95 = a.funnel.methods.additive!.limits95;
      expect(a.funnel.limits95).toEqual(l95);
      const spread = 1.959963984540054 * Math.sqrt((1000 * theta) / a.population + tau2);
      expect(l95.upper).toBeCloseTo(theta + spread, 3);
      expect(a.funnel.position).toBe(a.funnel.methods.additive!.position);
    }
    // Against the exact Poisson limits nearly every authority is "unusual"; against the adjusted ones few are.
    const outside = (m: string) => lad.areas.filter((a) => a.funnel.methods[m]!.position !== 'within').length;
    expect(outside('poisson')).toBeGreaterThanOrEqual(5);
    expect(outside('additive')).toBeLessThan(outside('poisson'));
  });

  it('reports the national metrics only from datasets that record them, and says where none does', async () => {
    for (const row of body.areas) {
      expect(row.metrics.map((m) => m.preset)).toEqual(PRESETS.map((p) => `preset:${p.id}`));
      for (const m of row.metrics) {
        expect(m.count, m.preset).toBeNull();
        expect(m.note, m.preset).toMatch(/^none of the selected datasets records it/);
      }
    }
    const res = await api.request(
      `/api/compare?datasets=${await datasetId('Gwent')},${extractId}&groups=violence-sexual&from=2024-01&to=2024-04&res=9&areas=lad:W06000022,lad:W06000020`,
    );
    expect(res.status).toBe(200);
    const mixed = (await res.json()) as CompareBody;
    expect(mixed.method.precision).toBe(
      'compared by whole months, the coarser precision: "Gwent" has months only, "Extract" has dates',
    );
    const preset = PRESETS.find((p) => p.id === 'knife-police')!;
    for (const row of mixed.areas) {
      const knife = row.metrics.find((m) => m.preset === 'preset:knife-police')!;
      expect(knife.datasets).toEqual(['Extract']);
      const truth = await trueCountsAndKeys(
        t.db,
        `'all'`,
        `dataset_id = $1 and knife is true and offence_group = any($2::text[]) and month between '2024-01-01' and '2024-04-01' and lad_code = $3`,
        [extractId, definitionGroups(preset, expandGroups), row.area.slice(4)],
      );
      expect(truth.get('all')!.count).toBeGreaterThan(5);
      checkReleased(knife.count, truth.get('all')!, 5, row.area);
      expect(knife.rate!.rate).toBeCloseTo((knife.count! / row.population) * 1000, 4); // population is rounded in the response
    }
  });

  async function datasetId(name: string): Promise<number> {
    return (await t.db.query<{ id: number }>('select id from datasets where name = $1', [name]))[0]!.id;
  }
});
