import { cellToParent } from 'h3-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { possiblePerturbations } from '../../server/analysis/cell-key.js';
import { countByCell, type CellQuery } from '../../server/db/cells.js';
import { findPartnershipByName } from '../../server/db/partnerships.js';
import { expandGroups, OFFENCE_GROUPS } from '../../server/domain/offence-groups.js';
import { resolveMapping } from '../../server/ingest/mapping.js';
import { appAs, type as } from '../helpers/auth.js';
import { backends, type TestDb } from '../helpers/databases.js';
import { importPaths } from '../helpers/import.js';

/**
 * Scripted differencing attacks on the real restricted extract (k = 5). Each attack subtracts
 * released values of two or more requests to get at a small count: a period shifted by one
 * month or week, one offence group or one hour more, a parent cell against its children, a force
 * against its other local authorities. An attacker who knows the rules (threshold and the
 * published perturbation table) can say which true values are consistent with what was released;
 * a small count is recovered when only one value is. The same attacks on suppression alone
 * recover small counts, so they are real attacks; on what the engine releases they recover none.
 */

const K = 5;
const GWENT_LADS = ['W06000018', 'W06000019', 'W06000020', 'W06000021', 'W06000022'];

/** What true counts are consistent with a released value, as an interval, knowing the perturbation table. */
function consistent(released: number | null): [number, number] {
  if (released === null) return [1, K - 1]; // the attacker is even told it was not a secondary suppression
  if (released === 0) return [0, 0];
  const candidates: number[] = [];
  for (let n = Math.max(K, released - 2); n <= released + 2; n++)
    if (possiblePerturbations(n, K).includes(released - n)) candidates.push(n);
  return [Math.min(...candidates), Math.max(...candidates)];
}

/** Suppression alone (no perturbation): the release the attacks are designed against, where a released count is exact. */
const suppressionOnly = (n: number) => (n > 0 && n < K ? null : n);
const consistentWithSuppressionOnly = (released: number | null): [number, number] =>
  released === null ? [1, K - 1] : [released, released];

interface Term {
  sign: 1 | -1;
  released: number | null;
  truth: number;
}

/** The interval an attacker can pin the target (the signed sum of the terms) to. */
function targetInterval(
  terms: readonly Term[],
  release: (t: Term) => number | null,
  known: (r: number | null) => [number, number],
): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const t of terms) {
    const [a, b] = known(release(t));
    lo += t.sign > 0 ? a : -b;
    hi += t.sign > 0 ? b : -a;
  }
  return [lo, hi];
}

interface Outcome {
  attack: string;
  smallTargets: number;
  recoveredFromEngine: number;
  recoveredFromSuppressionOnly: number;
  naiveRight: number;
}

function judge(attack: string, instances: readonly Term[][]): Outcome {
  const small = instances.filter((terms) => {
    const target = terms.reduce((a, t) => a + t.sign * t.truth, 0);
    return target > 0 && target < K;
  });
  const recovered = (release: (t: Term) => number | null, known: (r: number | null) => [number, number]) =>
    small.filter((terms) => {
      const [lo, hi] = targetInterval(terms, release, known);
      return lo === hi;
    }).length;
  const naiveRight = small.filter(
    (terms) =>
      terms.every((t) => t.released !== null) &&
      terms.reduce((a, t) => a + t.sign * t.released!, 0) === terms.reduce((a, t) => a + t.sign * t.truth, 0),
  ).length;
  return {
    attack,
    smallTargets: small.length,
    recoveredFromEngine: recovered((t) => t.released, consistent),
    recoveredFromSuppressionOnly: recovered((t) => suppressionOnly(t.truth), consistentWithSuppressionOnly),
    naiveRight,
  };
}

/** A cell's released count: a cell not listed had none (a listed null is withheld, not zero). */
const releasedOf = (cells: ReadonlyMap<string, number | null>, h3: string) => (cells.has(h3) ? cells.get(h3)! : 0);

describe.each(backends)('differencing attacks on the real restricted extract on $name', (backend) => {
  let t: TestDb;
  let api: ReturnType<typeof as>;
  let id: number;
  const outcomes: Outcome[] = [];

  beforeAll(async () => {
    t = await backend.open({ geography: true });
    const gwent = `partnership:${await findPartnershipByName(t.db, 'Gwent force area')}`;
    ({ api } = await appAs(t.db, { scopes: [gwent] }));
    const extract = `${process.cwd()}/geodata/sample/restricted/local-police-gwent-south-wales.csv.gz`;
    id = (
      await importPaths(t.db, [extract], {
        kind: 'incidents',
        name: 'Extract',
        mapping: resolveMapping('local-police'),
        sensitivity: 'restricted',
        threshold: K,
        basis: 's16',
        ownerScope: gwent,
      })
    ).datasetId;
  }, 300_000);
  afterAll(async () => t?.dispose());

  const get = async <T>(path: string): Promise<T> => {
    const res = await api.request(path);
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };
  const releasedCells = async (query: string) =>
    new Map(
      (await get<{ cells: { h3: string; count: number | null }[] }>(`/api/cells?datasets=${id}&${query}`)).cells.map(
        (c) => [c.h3, c.count],
      ),
    );
  const query = (q: Partial<CellQuery>): CellQuery => ({
    datasetIds: [id],
    res: 9,
    from: '2024-01',
    to: '2024-06',
    groups: expandGroups(OFFENCE_GROUPS.map((g) => g.id)),
    ...q,
  });
  const trueCells = async (q: Partial<CellQuery>) =>
    new Map((await countByCell(t.db, query(q))).map((c) => [c.h3, c.count]));

  /** Judges an attack and checks its own outcome: it works against suppression alone, and recovers nothing from the engine. */
  function record(attack: string, instances: readonly Term[][]) {
    const outcome = judge(attack, instances);
    outcomes.push(outcome);
    expect(outcome.smallTargets, attack).toBeGreaterThan(0);
    expect(outcome.recoveredFromSuppressionOnly, attack).toBeGreaterThan(0);
    expect(outcome.recoveredFromEngine, attack).toBe(0);
  }

  /** Attack: two cell requests, the difference being the target, cell by cell. */
  async function cellDifference(attack: string, a: string, b: string, qa: Partial<CellQuery>, qb: Partial<CellQuery>) {
    const [ra, rb, ta, tb] = await Promise.all([releasedCells(a), releasedCells(b), trueCells(qa), trueCells(qb)]);
    const instances = [...new Set([...ta.keys(), ...tb.keys()])].map((h3) => [
      { sign: 1 as const, released: releasedOf(ra, h3), truth: ta.get(h3) ?? 0 },
      { sign: -1 as const, released: releasedOf(rb, h3), truth: tb.get(h3) ?? 0 },
    ]);
    record(attack, instances);
  }

  it('a period shifted by one month', async () => {
    await cellDifference(
      'month shift',
      'res=9&area=pfa:W15000002&from=2024-01&to=2024-06',
      'res=9&area=pfa:W15000002&from=2024-02&to=2024-06',
      { area: { kind: 'pfa', code: 'W15000002' } },
      { from: '2024-02', area: { kind: 'pfa', code: 'W15000002' } },
    );
  });

  it('a period shifted by one week', async () => {
    await cellDifference(
      'week shift',
      'res=9&from=2024-01-01&to=2024-03-31',
      'res=9&from=2024-01-08&to=2024-03-31',
      { from: '2024-01-01', to: '2024-03-31' },
      { from: '2024-01-08', to: '2024-03-31' },
    );
  });

  it('one offence group more', async () => {
    const base = expandGroups(['violence-with-injury']);
    await cellDifference(
      'one group more',
      'res=9&from=2024-01&to=2024-06&groups=violence-with-injury,robbery',
      'res=9&from=2024-01&to=2024-06&groups=violence-with-injury',
      { groups: [...base, ...expandGroups(['robbery'])] },
      { groups: base },
    );
  });

  it('one hour more', async () => {
    const hours = (from: number) => Array.from({ length: (28 - from) % 24 }, (_, i) => (from + i) % 24);
    await cellDifference(
      'one hour more',
      'res=8&from=2024-01-01&to=2024-06-30&hours=22-4',
      'res=8&from=2024-01-01&to=2024-06-30&hours=23-4',
      { res: 8, from: '2024-01-01', to: '2024-06-30', hours: hours(22) },
      { res: 8, from: '2024-01-01', to: '2024-06-30', hours: hours(23) },
    );
  });

  it('a parent cell against its released children', async () => {
    const q = 'from=2024-01&to=2024-06&area=pfa:W15000002';
    const gwent = { area: { kind: 'pfa', code: 'W15000002' } } as const;
    const [parents, children, tParents, tChildren] = await Promise.all([
      releasedCells(`res=8&${q}`),
      releasedCells(`res=9&${q}`),
      trueCells({ res: 8, ...gwent }),
      trueCells(gwent),
    ]);
    // Target: the withheld children of a parent, got as the parent minus its released children.
    const instances = [...tParents.keys()].map((parent) => {
      const kids = [...tChildren.keys()].filter((h) => cellToParent(h, 8) === parent);
      return [
        { sign: 1 as const, released: releasedOf(parents, parent), truth: tParents.get(parent)! },
        ...kids
          .filter((h) => children.get(h) !== null)
          .map((h) => ({ sign: -1 as const, released: children.get(h)!, truth: tChildren.get(h)! })),
      ];
    });
    record('parent minus children', instances);
  });

  it('a force against its other local authorities, month by month', async () => {
    const instances: Term[][] = [];
    for (const [month, selection] of ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06'].flatMap(
      (m) =>
        [
          [m, 'flags=knife'],
          [m, 'groups=robbery'],
        ] as const,
    )) {
      const q = `from=${month}&to=${month}&${selection}`;
      const filter: Partial<CellQuery> =
        selection === 'flags=knife' ? { flags: ['knife'] } : { groups: expandGroups(['robbery']) };
      const total = async (area: string, selector: CellQuery['area']) => ({
        released: (await get<{ count: number | null }>(`/api/areas/${area}/summary?datasets=${id}&${q}`)).count,
        truth: [...(await trueCells({ from: month, to: month, ...filter, area: selector })).values()].reduce(
          (a, n) => a + n,
          0,
        ),
      });
      const force = await total('pfa:W15000002', { kind: 'pfa', code: 'W15000002' });
      const lads = await Promise.all(GWENT_LADS.map((code) => total(`lad:${code}`, { kind: 'lad', code })));
      // Target: one authority's total, as the force's minus the other four.
      for (const i of lads.keys())
        instances.push([
          { sign: 1, ...force },
          ...lads.filter((_, j) => j !== i).map((l) => ({ sign: -1 as const, ...l })),
        ]);
    }
    record('force minus other authorities', instances);
  });

  it('recover no small count from what the engine releases, though they do from suppression alone', () => {
    console.table(outcomes);
    expect(outcomes).toHaveLength(6);
    for (const o of outcomes) expect(o.recoveredFromEngine, o.attack).toBe(0);
    // The attacks work against suppression alone: together they recover many small counts exactly.
    expect(outcomes.reduce((a, o) => a + o.recoveredFromSuppressionOnly, 0)).toBeGreaterThan(100);
    for (const o of outcomes) expect(o.recoveredFromSuppressionOnly, o.attack).toBeGreaterThan(0);
    // Even guessing that the released difference is the truth is right for under half of the small targets.
    const small = outcomes.reduce((a, o) => a + o.smallTargets, 0);
    expect(outcomes.reduce((a, o) => a + o.naiveRight, 0) / small).toBeLessThan(0.5);
  });
});
