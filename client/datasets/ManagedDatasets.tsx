import { useState } from 'react';
import type { Dataset } from '../api';

const n = (v: number) => v.toLocaleString('en-GB');
const months = (d: Dataset) => (d.monthFrom ? `${d.monthFrom} to ${d.monthTo}` : 'no months');

/** What deleting a dataset removes, said before it is done. */
export function deletionSummary(d: Dataset, grantCount: number): string {
  const grants = grantCount ? `, and the ${grantCount} grant${grantCount === 1 ? '' : 's'} sharing it` : '';
  return `This removes "${d.name}": its ${n(d.rowsAccepted)} rows (${months(d)}), their map counts and import reports${grants}. Maps and reports that used it will show those months as missing. It cannot be undone.`;
}

/**
 * The datasets the user manages: months held and rows, with re-import (more months, or months
 * replaced) and deletion, each after saying what will change.
 */
export function ManagedDatasets({
  datasets,
  grantCount,
  onReimport,
  onDelete,
}: {
  datasets: readonly Dataset[];
  grantCount: (d: Dataset) => number;
  onReimport: (d: Dataset) => void;
  onDelete: (d: Dataset) => void;
}) {
  const [confirming, setConfirming] = useState<number | null>(null);
  const managed = datasets.filter((d) => d.canManage);
  if (managed.length === 0) return null;
  return (
    <table className="data-table" aria-label="Datasets you manage">
      <thead>
        <tr>
          <th>Dataset</th>
          <th>Months</th>
          <th>Rows</th>
          <th>Actions</th>
        </tr>
      </thead>
      <tbody>
        {managed.map((d) => (
          <tr key={d.id}>
            <td>{d.name}</td>
            <td>{months(d)}</td>
            <td>{n(d.rowsAccepted)}</td>
            <td>
              {confirming === d.id ? (
                <div role="alertdialog" aria-label={`Delete ${d.name}?`}>
                  <p>{deletionSummary(d, grantCount(d))}</p>
                  <button type="button" className="danger" onClick={() => onDelete(d)}>
                    Delete dataset
                  </button>{' '}
                  <button type="button" onClick={() => setConfirming(null)}>
                    Keep it
                  </button>
                </div>
              ) : (
                <>
                  <button type="button" onClick={() => onReimport(d)}>
                    Add or replace months
                  </button>{' '}
                  <button type="button" onClick={() => setConfirming(d.id)}>
                    Delete…
                  </button>
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
