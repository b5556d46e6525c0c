import type { InferResponseType } from 'hono/client';
import { api, type Ok, okJson } from '../api';
import { FormError } from '../controls/FormError';
import { TableHead } from '../controls/TableHead';
import { useRequest } from '../reference/useRequest';
import { useLanguage, useT } from '../i18n/language';
import { HTML_LANG } from '../../server/domain/i18n/translate';

type BudgetBody = Ok<InferResponseType<typeof api.api.audit.budgets.$get>>;
const loadBudgets = (_: string, signal: AbortSignal): Promise<BudgetBody> =>
  okJson(api.api.audit.budgets.$get(undefined, { init: { signal } }));

/** Today's use of the daily budget of restricted queries, per user and dataset: who is near it. */
export function BudgetPanel() {
  const { data, error } = useRequest('budgets', loadBudgets, 'the query budgets');
  const t = useT();
  const language = useLanguage();
  // English keeps its UTC timestamp as before; Welsh gets the day and time written the Welsh way.
  const resetsAt = !data
    ? t('admin.budget.midnight')
    : language === 'en'
      ? new Date(data.resetsAt).toUTCString()
      : `${new Date(data.resetsAt).toLocaleString(HTML_LANG[language], { timeZone: 'UTC', dateStyle: 'full', timeStyle: 'short' })} UTC`;
  return (
    <section className="admin-section" aria-label={t('admin.tab.budgets')}>
      <p className="hint">{t('admin.budget.hint', { budget: data ? data.budget : '…', resetsAt })}</p>
      <FormError message={error} />
      {data && data.use.length === 0 && <p className="hint">{t('admin.budget.none', { day: data.day })}</p>}
      {data && data.use.length > 0 && (
        <table className="data-table budget-table">
          <TableHead
            columns={[
              t('admin.budget.col.user'),
              t('admin.budget.col.dataset'),
              t('admin.budget.col.today'),
              t('admin.budget.col.share'),
            ]}
          />
          <tbody>
            {data.use.map((u) => (
              <tr key={`${u.userId}-${u.datasetId}`} className={u.share >= 0.8 ? 'near-budget' : undefined}>
                <td>{u.email ?? t('admin.budget.userId', { id: String(u.userId) })}</td>
                <td>{u.dataset}</td>
                <td>{u.used.toLocaleString(HTML_LANG[language])}</td>
                <td>
                  {Math.round(u.share * 100)}%
                  {u.share >= 1 ? ` ${t('admin.budget.spent')}` : u.share >= 0.8 ? ` ${t('admin.budget.near')}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
