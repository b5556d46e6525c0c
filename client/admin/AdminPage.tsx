import type { ReactNode } from 'react';
import { PageShell } from '../controls/PageShell';
import { useSelection } from '../selection/location';
import type { AdminTab } from '../selection/selection';
import { AuditPanel } from './AuditPanel';
import { BaseMapPanel } from './BaseMapPanel';
import { BudgetPanel } from './BudgetPanel';
import { UsersPanel } from './UsersPanel';

const TABS: { id: AdminTab; label: string }[] = [
  { id: 'users', label: 'Users' },
  { id: 'audit', label: 'Audit log' },
  { id: 'budgets', label: 'Query budgets' },
  { id: 'base-map', label: 'Base map' },
];

/** Users, the audit log, the restricted-query budgets and the base map: for admins only (the server refuses everyone else). */
export function AdminPage({ header, notice }: { header: ReactNode; notice?: ReactNode }) {
  const [selection, select] = useSelection();
  const tab = selection.tab ?? 'users';
  return (
    <PageShell title="administration" header={header} notice={notice}>
      <div className="tabs" role="tablist">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            onClick={() => select({ tab: t.id === 'users' ? undefined : t.id })}
          >
            {t.label}
          </button>
        ))}
      </div>
      {tab === 'users' ? (
        <UsersPanel />
      ) : tab === 'audit' ? (
        <AuditPanel />
      ) : tab === 'base-map' ? (
        <BaseMapPanel />
      ) : (
        <BudgetPanel />
      )}
    </PageShell>
  );
}
