import type { ImportReport } from '../ingest/report.js';

/** Counts about restricted data shown to anyone but its owner are rounded to this. */
export const METADATA_ROUNDING = 100;

export const roundCount = (n: number) => Math.round(n / METADATA_ROUNDING) * METADATA_ROUNDING;
const roundAll = (counts: Record<string, number>) =>
  Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, roundCount(n)]));

/**
 * An import report of restricted data as anyone but its owner sees it: every count rounded to
 * 100 (an exact total, or a month's, less the released cells would give back the withheld ones),
 * and each rejection as its line and the rule it broke, never the value (a rejected row's date
 * or offence text is the restricted record itself).
 */
export function reportForOthers(report: ImportReport): ImportReport {
  return {
    ...report,
    files: report.files.map((f) => ({
      ...f,
      rowsRead: roundCount(f.rowsRead),
      rowsAccepted: roundCount(f.rowsAccepted),
      rowsRejected: roundCount(f.rowsRejected),
    })),
    rowsRead: roundCount(report.rowsRead),
    rowsAccepted: roundCount(report.rowsAccepted),
    rowsRejected: roundCount(report.rowsRejected),
    rowsReplaced: roundCount(report.rowsReplaced),
    acceptedByMonth: roundAll(report.acceptedByMonth),
    rejectionCounts: roundAll(report.rejectionCounts),
    // Reports stored before rejections named their rule: the reason without its quoted values.
    rejections: report.rejections.map((r) => ({
      file: r.file,
      line: r.line,
      rule: r.rule ?? r.reason.replace(/"[^"]*"/g, '…'),
      reason: r.rule ?? r.reason.replace(/"[^"]*"/g, '…'),
    })),
    outsideForce: {
      total: roundCount(report.outsideForce.total),
      byForceArea: roundAll(report.outsideForce.byForceArea),
    },
  };
}
