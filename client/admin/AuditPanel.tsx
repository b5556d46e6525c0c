import { useState } from 'react';
import { api, okJson } from '../api';
import { FormError } from '../controls/FormError';
import { Options } from '../controls/Options';
import { TableHead } from '../controls/TableHead';
import { useRequest } from '../reference/useRequest';
import { useLanguage, useT } from '../i18n/language';

type Filters = { from: string; to: string; user: string; action: string; outcome: string; dataset: string };
const EMPTY: Filters = { from: '', to: '', user: '', action: '', outcome: '', dataset: '' };
const PAGE = 100;
const OUTCOMES = ['', 'ok', 'refused', 'failed'];

function query(f: Filters): Record<string, string> {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v.trim() !== ''));
}

const loadAudit = ({ filters, offset }: { filters: Filters; offset: number }, signal: AbortSignal) =>
  okJson(
    api.api.audit.$get(
      { query: { ...query(filters), limit: String(PAGE), offset: String(offset) } },
      { init: { signal } },
    ),
  );

/** The audit log with filters, paging and a CSV export of everything the filters match. */
export function AuditPanel() {
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [offset, setOffset] = useState(0);
  const language = useLanguage();
  const t = useT();
  const { data: body, error } = useRequest({ filters, offset }, loadAudit, 'the audit log', { keepPrevious: true });

  const field = (key: keyof Filters, label: string, type = 'text') => (
    <label>
      {label}
      <input
        type={type}
        name={`audit-${key}`}
        value={draft[key]}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
      />
    </label>
  );
  const exportHref = `/api/audit/export.csv?${new URLSearchParams({ ...query(filters), lang: language }).toString()}`;

  return (
    <section className="admin-section" aria-label={t('admin.tab.audit')}>
      <form
        className="admin-form"
        onSubmit={(e) => {
          e.preventDefault();
          setOffset(0);
          setFilters(draft);
        }}
      >
        {field('from', t('admin.audit.from'), 'date')}
        {field('to', t('admin.audit.to'), 'date')}
        {field('user', t('admin.audit.userEmail'))}
        {field('action', t('admin.audit.actionStartsWith'))}
        <label>
          {t('admin.audit.outcome')}
          <select
            name="audit-outcome"
            value={draft.outcome}
            onChange={(e) => setDraft({ ...draft, outcome: e.target.value })}
          >
            <Options options={OUTCOMES.map((value) => ({ value, label: value || t('admin.audit.any') }))} />
          </select>
        </label>
        {field('dataset', t('admin.audit.datasetId'), 'number')}
        <button type="submit">{t('admin.audit.filter')}</button>
        <a className="button-link" href={exportHref} download>
          {t('admin.audit.export')}
        </a>
      </form>
      <FormError message={error} />
      {body && (
        <>
          <p className="hint">
            {t('admin.audit.entries', { n: body.total })}
            {body.total > PAGE
              ? t('admin.audit.showing', { from: String(offset + 1), to: String(Math.min(offset + PAGE, body.total)) })
              : ''}
          </p>
          <table className="data-table audit-table">
            <TableHead
              columns={[
                t('admin.audit.col.when'),
                t('admin.audit.col.user'),
                t('admin.audit.col.action'),
                t('admin.audit.col.outcome'),
                t('admin.audit.col.target'),
                t('admin.audit.col.datasets'),
                t('admin.audit.col.summary'),
              ]}
            />
            <tbody>
              {body.entries.map((e) => (
                <tr key={e.id} className={e.outcome === 'ok' ? undefined : `outcome-${e.outcome}`}>
                  <td>{e.at.replace('T', ' ').slice(0, 19)}</td>
                  <td>{e.userEmail ?? '—'}</td>
                  <td>{e.action}</td>
                  <td>{e.outcome}</td>
                  <td>{e.target ?? ''}</td>
                  <td>{e.datasets.map((d) => d.name).join('; ')}</td>
                  <td>
                    <code>{e.summary ? JSON.stringify(e.summary) : ''}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="pager">
            <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              {t('admin.audit.newer')}
            </button>
            <button type="button" disabled={offset + PAGE >= body.total} onClick={() => setOffset(offset + PAGE)}>
              {t('admin.audit.older')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
