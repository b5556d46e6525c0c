import { useState } from 'react';
import { api, okJson } from '../api';
import { FormError } from '../controls/FormError';
import { Options } from '../controls/Options';
import { TableHead } from '../controls/TableHead';
import { useRequest } from '../reference/useRequest';
import { useLanguage } from '../i18n/language';

type Filters = { from: string; to: string; user: string; action: string; outcome: string; dataset: string };
const EMPTY: Filters = { from: '', to: '', user: '', action: '', outcome: '', dataset: '' };
const PAGE = 100;
const OUTCOMES = ['', 'ok', 'refused', 'failed'].map((value) => ({ value, label: value || 'any' }));

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
    <section className="admin-section" aria-label="Audit log">
      <form
        className="admin-form"
        onSubmit={(e) => {
          e.preventDefault();
          setOffset(0);
          setFilters(draft);
        }}
      >
        {field('from', 'From', 'date')}
        {field('to', 'To', 'date')}
        {field('user', 'User email')}
        {field('action', 'Action starts with')}
        <label>
          Outcome
          <select
            name="audit-outcome"
            value={draft.outcome}
            onChange={(e) => setDraft({ ...draft, outcome: e.target.value })}
          >
            <Options options={OUTCOMES} />
          </select>
        </label>
        {field('dataset', 'Dataset id', 'number')}
        <button type="submit">Filter</button>
        <a className="button-link" href={exportHref} download>
          Export CSV
        </a>
      </form>
      <FormError message={error} />
      {body && (
        <>
          <p className="hint">
            {body.total.toLocaleString('en-GB')} entries
            {body.total > PAGE ? `; showing ${offset + 1}–${Math.min(offset + PAGE, body.total)}` : ''}
          </p>
          <table className="data-table audit-table">
            <TableHead columns={['When (UTC)', 'User', 'Action', 'Outcome', 'Target', 'Datasets', 'Summary']} />
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
              Newer
            </button>
            <button type="button" disabled={offset + PAGE >= body.total} onClick={() => setOffset(offset + PAGE)}>
              Older
            </button>
          </div>
        </>
      )}
    </section>
  );
}
