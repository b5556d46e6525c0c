import type { UploadResponse } from './uploadWithProgress';
import type { Ok } from '../api';

type Report = Ok<Awaited<ReturnType<UploadResponse['json']>>>['report'];

/** Listed rejections shown on the page; the stored report keeps up to a thousand. */
const SHOWN_REJECTIONS = 20;
const n = (v: number) => v.toLocaleString('en-GB');

/** What an import did: rows stored and rejected (by reason, with lines), months replaced, and coverage by month. */
export function ImportReportView({ report }: { report: Report }) {
  const months = Object.entries(report.acceptedByMonth);
  const reasons = Object.entries(report.rejectionCounts).sort((a, b) => b[1] - a[1]);
  return (
    <section className="import-report" aria-label="Import report" role="status">
      <h3>
        Imported into dataset {report.datasetId}: {report.datasetName}
      </h3>
      <p>
        {n(report.rowsRead)} rows read from {report.files.length} file{report.files.length === 1 ? '' : 's'}:{' '}
        <strong>{n(report.rowsAccepted)} accepted</strong>, {n(report.rowsRejected)} rejected
        {report.rowsReplaced > 0 && `, ${n(report.rowsReplaced)} stored rows replaced`}.
      </p>
      <p>
        Months replaced:{' '}
        {report.monthsReplaced.length ? report.monthsReplaced.join(', ') : 'none (every month was new to the dataset)'}
      </p>
      {reasons.length > 0 && (
        <table className="data-table" aria-label="Rejected rows by reason">
          <thead>
            <tr>
              <th>Reason rejected</th>
              <th>Rows</th>
            </tr>
          </thead>
          <tbody>
            {reasons.map(([reason, count]) => (
              <tr key={reason}>
                <td>{reason}</td>
                <td>{n(count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report.rejections.length > 0 && (
        <details>
          <summary>First {Math.min(SHOWN_REJECTIONS, report.rejections.length)} rejected rows, by line</summary>
          <ul className="rejections">
            {report.rejections.slice(0, SHOWN_REJECTIONS).map((r) => (
              <li key={`${r.file}:${r.line}:${r.rule}`}>
                {r.file}, line {r.line}: {r.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      <table className="data-table" aria-label="Coverage by month">
        <thead>
          <tr>
            <th>Month</th>
            <th>Rows accepted</th>
          </tr>
        </thead>
        <tbody>
          {months.map(([month, count]) => (
            <tr key={month}>
              <td>{month}</td>
              <td>{n(count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
