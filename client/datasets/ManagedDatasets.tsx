import { useState } from 'react';
import type { Dataset } from '../api';
import { type Translate, useT } from '../i18n/language';

const months = (d: Dataset, t: Translate) =>
  d.monthFrom ? t('datasets.monthSpan', { from: d.monthFrom, to: d.monthTo ?? '' }) : t('datasets.noMonths');

/** What deleting a dataset removes, said before it is done. */
export function deletionSummary(d: Dataset, grantCount: number, t: Translate): string {
  const grants = grantCount
    ? t(grantCount === 1 ? 'datasets.deletionGrantsOne' : 'datasets.deletionGrantsOther', { n: grantCount })
    : '';
  return t('datasets.deletionSummary', { name: d.name, rows: d.rowsAccepted, months: months(d, t), grants });
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
  const t = useT();
  const [confirming, setConfirming] = useState<number | null>(null);
  const managed = datasets.filter((d) => d.canManage);
  if (managed.length === 0) return null;
  return (
    <table className="data-table" aria-label={t('datasets.managed')}>
      <thead>
        <tr>
          <th>{t('datasets.col.dataset')}</th>
          <th>{t('datasets.col.months')}</th>
          <th>{t('datasets.col.rows')}</th>
          <th>{t('datasets.col.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {managed.map((d) => (
          <tr key={d.id}>
            <td>{d.name}</td>
            <td>{months(d, t)}</td>
            <td>{t('datasets.col.rowsValue', { n: d.rowsAccepted })}</td>
            <td>
              {confirming === d.id ? (
                <div role="alertdialog" aria-label={t('datasets.deleteAsk', { name: d.name })}>
                  <p>{deletionSummary(d, grantCount(d), t)}</p>
                  <button type="button" className="danger" onClick={() => onDelete(d)}>
                    {t('datasets.deleteDataset')}
                  </button>{' '}
                  <button type="button" onClick={() => setConfirming(null)}>
                    {t('datasets.keep')}
                  </button>
                </div>
              ) : (
                <>
                  <button type="button" onClick={() => onReimport(d)}>
                    {t('datasets.addMonths')}
                  </button>{' '}
                  <button type="button" onClick={() => setConfirming(d.id)}>
                    {t('datasets.delete')}
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
