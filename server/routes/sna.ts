import { Hono } from 'hono';
import { z } from 'zod';
import { completeness } from '../analysis/completeness.js';
import { monthsBetween } from '../analysis/periods.js';
import { publicThreshold } from '../analysis/public-summary.js';
import { releasedAreaTotals } from '../release/gate.js';
import { statValue } from '../release/rules.js';
import { audit } from '../auth/audit.js';
import { areaKey } from '../domain/area.js';
import { allow } from '../auth/policy.js';
import { areaTitle } from '../db/areas.js';
import { areaParam } from '../domain/area.js';
import type { AppEnv } from '../http/env.js';
import { auditRestrictedAnalysis, describeSelection, prepareSelection } from '../http/prepare-selection.js';
import { idList, selectionFields, selectionSchema } from '../http/selection-params.js';
import { validate } from '../http/validate.js';
import { publicField, publicRefusal } from '../http/public-check.js';

const reportQuery = selectionSchema({
  datasets: idList,
  from: selectionFields.from,
  to: selectionFields.to,
  area: areaParam,
  definition: selectionFields.definition,
  groups: selectionFields.groups,
  public: publicField,
});

const LEGAL_BASIS: Record<string, string> = {
  public: 'Open Government Licence v3.0 (published data)',
  s16: 'Police, Crime, Sentencing and Courts Act 2022, section 16 (disclosure to a specified authority under the Serious Violence Duty)',
  s17: 'Police, Crime, Sentencing and Courts Act 2022, section 17 (information given to the local policing body); not for onward disclosure',
  dsa: 'A data-sharing agreement between the partners',
};

/**
 * What the SNA place chapter says about its data: the area's names (and whether it is in Wales,
 * for Welsh headings), each dataset with its supplier, legal basis and completeness month by
 * month in the area, and the disclosure rules. Printing the chapter is an export: it is audited.
 */
export const snaRoutes = new Hono<AppEnv>().get(
  '/sna/report',
  allow.signedIn({ datasets: true }),
  validate('query', reportQuery),
  async (c) => {
    const q = c.req.valid('query');
    const db = c.get('db');
    const from = q.from.slice(0, 7);
    const to = q.to.slice(0, 7);
    const prepared = await prepareSelection(c, { ...q, from, to, res: 9 });
    if (!prepared.ok) return c.json(prepared.body, prepared.status);
    const months = monthsBetween(from, to);
    const sources = [];
    for (const d of prepared.value.datasets) {
      const own = d.sensitivity === 'restricted' ? d.threshold : null;
      const threshold = q.public ? publicThreshold(own) : own;
      const counts = await releasedAreaTotals(
        db,
        { query: { ...prepared.value.query, datasetIds: [d.id] }, threshold },
        q.area,
        months,
      );
      const flagged = completeness(
        months.map((m, i) => ({ month: m.from.slice(0, 7), count: statValue(counts[i]!, threshold) })),
      );
      const covered = months.filter(
        (m) =>
          d.monthFrom !== null &&
          d.monthTo !== null &&
          m.from.slice(0, 7) >= d.monthFrom &&
          m.from.slice(0, 7) <= d.monthTo,
      ).length;
      sources.push({
        id: d.id,
        name: d.name,
        supplier: d.supplier,
        restricted: d.sensitivity === 'restricted',
        threshold,
        datePrecision: d.datePrecision,
        // The free-text reference (a data-sharing agreement's, say) where the basis is not plain publication.
        legalBasis: `${LEGAL_BASIS[d.basis] ?? d.basis}${d.legalBasis && d.basis !== 'public' ? ` (${d.legalBasis})` : ''}`,
        monthFrom: d.monthFrom,
        monthTo: d.monthTo,
        monthsCovered: covered,
        monthsAsked: months.length,
        months: flagged.map((m, i) => ({ month: m.month, count: counts[i]!, low: m.low })),
      });
    }
    if (q.public) {
      const refusal = publicRefusal({
        res: null,
        restricted: prepared.value.threshold !== null,
        counts: sources.filter((s) => s.restricted).flatMap((s) => s.months.map((m) => m.count)),
        settings: [],
      });
      if (refusal) return c.json(refusal.body, refusal.status);
    }
    const area = await areaTitle(db, q.area);
    await auditRestrictedAnalysis(c, prepared.value, 'sna-report', { sources: sources.length });
    await audit(c, {
      action: 'export',
      target: `GET ${c.req.path}`,
      datasets: prepared.value.datasets.map((d) => ({ id: d.id, name: d.name })),
      selection: prepared.value.echo,
      summary: { format: 'sna-report', area: areaKey(q.area), public: q.public },
    });
    return c.json({
      area: { key: areaKey(q.area)!, ...area },
      from,
      to,
      generatedAt: c.get('auth').now().toISOString(),
      ...describeSelection(prepared.value),
      sources,
    });
  },
);
