import type { DatasetCoverage } from '../analysis/coverage.js';
import type { Dataset } from './datasets.js';
import type { Queryable } from './types.js';

/**
 * What each dataset covers (analysis/coverage.ts), decided from its records and kept coarse:
 *
 * - Police data (police.uk, local extracts): each reporting force (police.uk "Reported by", an
 *   extract's force column; a dataset without one counts as one force) covers, in each month it
 *   supplied records, the police force area where most of that month's records lie
 *   (incidents.pfa_code), and so every local authority of that force area. A few records over
 *   the border do not make a neighbouring force covered. Whether a force supplied a month is
 *   public for police.uk and near certain for any force's extract: a force-month says nothing of
 *   any place's count.
 * - Health data (ED): the local authorities holding at least a twentieth of the records of its
 *   busiest authority over all its months (and at least its threshold k where restricted: the
 *   release gate withholds 1 to k-1 anyway), in every month in which the dataset holds any
 *   record at all. Never per authority and month, and never per cell: for restricted data that
 *   would tell a small count from none.
 *
 * A dataset covers the days from its first to its last (day-dated data: its first and last
 * recorded day; month precision: its first month's first day to its last month's last day).
 * Kept per dataset and import, like recordedContent: only an import changes it.
 */
export async function datasetCoverage(
  db: Queryable,
  datasets: readonly Pick<Dataset, 'id' | 'name' | 'source' | 'sensitivity' | 'threshold' | 'lastImport'>[],
): Promise<DatasetCoverage[]> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const out: DatasetCoverage[] = [];
  for (const d of datasets) {
    const key = `${d.id}@${d.lastImport ?? 'none'}`;
    let c = cache.get(key);
    if (!c) {
      c = await readCoverage(db, d);
      cache.set(key, c);
      if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
    }
    out.push(c);
  }
  return out;
}
const caches = new WeakMap<Queryable, Map<string, DatasetCoverage>>();
const MAX_CACHED = 1000;

async function readCoverage(
  db: Queryable,
  d: Pick<Dataset, 'id' | 'name' | 'source' | 'sensitivity' | 'threshold'>,
): Promise<DatasetCoverage> {
  const [span] = await db.query<{ firstDay: string | null; lastDay: string | null }>(
    `select to_char(coalesce(min(occurred_on), min(month)), 'YYYY-MM-DD') as "firstDay",
            to_char(coalesce(max(occurred_on), (max(month) + interval '1 month' - interval '1 day')::date), 'YYYY-MM-DD')
              as "lastDay"
       from incidents where dataset_id = $1`,
    [d.id],
  );
  const rows = d.source === 'police' ? await policeCoverage(db, d.id) : await healthCoverage(db, d);
  const lads = new Map<string, Set<string>>();
  for (const r of rows) {
    const set = lads.get(r.month) ?? new Set<string>();
    set.add(r.lad);
    lads.set(r.month, set);
  }
  return { id: d.id, name: d.name, lads, firstDay: span?.firstDay ?? null, lastDay: span?.lastDay ?? null };
}

/** Police: each force-month's force area (most of its records), as its local authorities. */
function policeCoverage(db: Queryable, id: number) {
  return db.query<{ month: string; lad: string }>(
    `with per as (
       select month, source_force, pfa_code, row_number() over (
                partition by month, source_force order by count(*) desc, pfa_code) as r
         from incidents where dataset_id = $1 and pfa_code is not null
        group by month, source_force, pfa_code)
     select distinct to_char(p.month, 'YYYY-MM') as month, a.code as lad
       from per p join areas a on a.level = 'lad' and a.parent_code = p.pfa_code
      where p.r = 1`,
    [id],
  );
}

/** Health: the authorities with a twentieth of the busiest one's records (and k), in every month with records. */
function healthCoverage(db: Queryable, d: Pick<Dataset, 'id' | 'sensitivity' | 'threshold'>) {
  const k = d.sensitivity === 'restricted' ? Math.max(1, d.threshold) : 1;
  return db.query<{ month: string; lad: string }>(
    `with per_lad as (
       select lad_code, count(*) as n from incidents where dataset_id = $1 and lad_code is not null group by lad_code),
     kept as (select lad_code from per_lad where n >= $2 and n * 20 >= (select max(n) from per_lad)),
     months as (select distinct month from incidents where dataset_id = $1)
     select to_char(m.month, 'YYYY-MM') as month, k.lad_code as lad from months m cross join kept k`,
    [d.id, k],
  );
}
