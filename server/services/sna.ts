import { monthsBetween } from '../analysis/periods.js';
import { publicThreshold } from '../analysis/public-summary.js';
import type { Dataset } from '../db/datasets.js';
import type { Db } from '../db/index.js';
import type { AreaSelector } from '../domain/area.js';
import { releasedAreaTotals } from '../release/gate.js';
import { releasedCompleteness } from '../release/statistics.js';
import { coveredPeriods } from './coverage.js';
import type { PreparedSelection } from './selection.js';

const LEGAL_BASIS: Record<string, string> = {
  public: 'Open Government Licence v3.0 (published data)',
  s16: 'Police, Crime, Sentencing and Courts Act 2022, section 16 (disclosure to a specified authority under the Serious Violence Duty)',
  s17: 'Police, Crime, Sentencing and Courts Act 2022, section 17 (information given to the local policing body); not for onward disclosure',
  dsa: 'A data-sharing agreement between the partners',
};

/** The legal basis in words, with the free-text reference (a data-sharing agreement's, say) where it is not plain publication. */
const legalBasisOf = (d: Dataset) =>
  `${LEGAL_BASIS[d.basis] ?? d.basis}${d.legalBasis && d.basis !== 'public' ? ` (${d.legalBasis})` : ''}`;

/**
 * What the SNA place chapter says of each dataset: supplier, legal basis, the months it covers
 * in the area (the coverage rule of services/coverage.ts), and its released total month by
 * month, covered months unusually low flagged (from released totals); a month it does not
 * cover is missing (count null, covered false), not a low month.
 */
export async function snaSources(
  db: Db,
  s: PreparedSelection,
  area: AreaSelector,
  span: { from: string; to: string; public: boolean },
) {
  const months = monthsBetween(span.from, span.to);
  const monthKeys = months.map((m) => m.from.slice(0, 7));
  const sources = [];
  for (const d of s.datasets) {
    const own = d.sensitivity === 'restricted' ? d.threshold : null;
    const threshold = span.public ? publicThreshold(own) : own;
    const release = { query: { ...s.query, datasetIds: [d.id] }, threshold };
    // Which months the dataset covers in the area: the rule of every trend and change
    // (services/coverage.ts). A month it does not cover is missing, not a low month of zero.
    const [counts, covered] = await Promise.all([
      releasedAreaTotals(db, release, area, months),
      coveredPeriods(db, { datasets: [d] }, area, months),
    ]);
    const isCovered = covered.periods.map((p) => p.coverage !== 'none');
    const coveredKeys = monthKeys.filter((_, i) => isCovered[i]);
    const flagged = new Map(
      releasedCompleteness(
        coveredKeys,
        counts.filter((_, i) => isCovered[i]),
        threshold,
      ).map((m) => [m.month, m]),
    );
    sources.push({
      id: d.id,
      name: d.name,
      supplier: d.supplier,
      restricted: d.sensitivity === 'restricted',
      threshold,
      datePrecision: d.datePrecision,
      legalBasis: legalBasisOf(d),
      monthFrom: d.monthFrom,
      monthTo: d.monthTo,
      monthsCovered: coveredKeys.length,
      monthsAsked: months.length,
      months: monthKeys.map((month) => {
        const m = flagged.get(month);
        return m ? { ...m, covered: true } : { month, count: null, low: false, covered: false };
      }),
    });
  }
  return sources;
}
