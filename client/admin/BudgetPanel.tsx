import type { InferResponseType } from 'hono/client';
import { api, type Ok, okJson } from '../api';
import { FormError } from '../controls/FormError';
import { TableHead } from '../controls/TableHead';
import { useRequest } from '../reference/useRequest';

type BudgetBody = Ok<InferResponseType<typeof api.api.audit.budgets.$get>>;
const loadBudgets = (_: string, signal: AbortSignal): Promise<BudgetBody> =>
  okJson(api.api.audit.budgets.$get(undefined, { init: { signal } }));

/** Today's use of the daily budget of restricted queries, per user and dataset: who is near it. */
export function BudgetPanel() {
  const { data, error } = useRequest('budgets', loadBudgets, 'the query budgets');
  return (
    <section className="admin-section" aria-label="Query budgets">
      <p className="hint">
        Each user may make {data ? data.budget.toLocaleString('en-GB') : '…'} different queries of a restricted dataset
        a day (asking the same one again does not count); beyond that they are refused until{' '}
        {data ? new Date(data.resetsAt).toUTCString() : 'midnight UTC'}. Many slightly different queries are how small
        counts could be averaged out of perturbed ones, so a user near the budget is worth a look in the audit log.
      </p>
      <FormError message={error} />
      {data && data.use.length === 0 && <p className="hint">No restricted queries today ({data.day}).</p>}
      {data && data.use.length > 0 && (
        <table className="data-table budget-table">
          <TableHead columns={['User', 'Dataset', 'Queries today', 'Of the budget']} />
          <tbody>
            {data.use.map((u) => (
              <tr key={`${u.userId}-${u.datasetId}`} className={u.share >= 0.8 ? 'near-budget' : undefined}>
                <td>{u.email ?? `user ${u.userId}`}</td>
                <td>{u.dataset}</td>
                <td>{u.used.toLocaleString('en-GB')}</td>
                <td>
                  {Math.round(u.share * 100)}%{u.share >= 1 ? ' (spent)' : u.share >= 0.8 ? ' (near)' : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
