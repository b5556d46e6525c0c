import { monthsBetween } from '../analysis/periods.js';
import { publicThreshold } from '../analysis/public-summary.js';
import type { Dataset } from '../db/datasets.js';
import type { Db } from '../db/index.js';
import type { AreaSelector } from '../domain/area.js';
import { releasedAreaTotals } from '../release/gate.js';
import { releasedCompleteness } from '../release/statistics.js';
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

/** How many of the months asked fall within the dataset's first and last month. */
const monthsCovered = (d: Dataset, months: readonly string[]) =>
  months.filter((m) => d.monthFrom !== null && d.monthTo !== null && m >= d.monthFrom && m <= d.monthTo).length;

/**
 * What the SNA place chapter says of each dataset: supplier, legal basis, and its released
 * total in the area month by month, with months unusually low flagged (from released totals).
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
    const counts = await releasedAreaTotals(db, release, area, months);
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
      monthsCovered: monthsCovered(d, monthKeys),
      monthsAsked: months.length,
      months: releasedCompleteness(monthKeys, counts, threshold),
    });
  }
  return sources;
}
