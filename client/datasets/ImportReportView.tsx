import type { UploadResponse } from './uploadWithProgress';
import type { Ok } from '../api';
import { useT } from '../i18n/language';

type Report = Ok<Awaited<ReturnType<UploadResponse['json']>>>['report'];

/** Listed rejections shown on the page; the stored report keeps up to a thousand. */
const SHOWN_REJECTIONS = 20;

/** What an import did: rows stored and rejected (by reason, with lines), months replaced, and coverage by month. */
export function ImportReportView({ report }: { report: Report }) {
  const t = useT();
  const months = Object.entries(report.acceptedByMonth);
  const reasons = Object.entries(report.rejectionCounts).sort((a, b) => b[1] - a[1]);
  return (
    <section className="import-report" aria-label={t('datasets.report')} role="status">
      <h3>{t('datasets.reportHeading', { id: String(report.datasetId), name: report.datasetName })}</h3>
      <p>
        {t(report.files.length === 1 ? 'datasets.reportRowsOne' : 'datasets.reportRowsOther', {
          read: report.rowsRead,
          files: report.files.length,
        })}
        <strong>{t('datasets.reportAccepted', { n: report.rowsAccepted })}</strong>
        {t('datasets.reportRejected', { n: report.rowsRejected })}
        {report.rowsReplaced > 0 && t('datasets.reportReplaced', { n: report.rowsReplaced })}.
      </p>
      <p>
        {t('datasets.monthsReplaced')}{' '}
        {report.monthsReplaced.length ? report.monthsReplaced.join(', ') : t('datasets.monthsReplacedNone')}
      </p>
      {reasons.length > 0 && (
        <table className="data-table" aria-label={t('datasets.rejectedByReason')}>
          <thead>
            <tr>
              <th>{t('datasets.col.reason')}</th>
              <th>{t('datasets.col.rows')}</th>
            </tr>
          </thead>
          <tbody>
            {reasons.map(([reason, count]) => (
              <tr key={reason}>
                <td>{reason}</td>
                <td>{t('datasets.col.rowsValue', { n: count })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report.rejections.length > 0 && (
        <details>
          <summary>
            {t('datasets.firstRejections', { n: Math.min(SHOWN_REJECTIONS, report.rejections.length) })}
          </summary>
          <ul className="rejections">
            {report.rejections.slice(0, SHOWN_REJECTIONS).map((r) => (
              <li key={`${r.file}:${r.line}:${r.rule}`}>
                {t('datasets.rejectionLine', { file: r.file, line: String(r.line), reason: r.reason })}
              </li>
            ))}
          </ul>
        </details>
      )}
      <table className="data-table" aria-label={t('datasets.coverage')}>
        <thead>
          <tr>
            <th>{t('datasets.col.month')}</th>
            <th>{t('datasets.col.accepted')}</th>
          </tr>
        </thead>
        <tbody>
          {months.map(([month, count]) => (
            <tr key={month}>
              <td>{month}</td>
              <td>{t('datasets.col.rowsValue', { n: count })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
