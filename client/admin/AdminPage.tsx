import type { ReactNode } from 'react';
import { PageShell } from '../controls/PageShell';
import { useSelection } from '../selection/location';
import type { AdminTab } from '../selection/selection';
import { AuditPanel } from './AuditPanel';
import { BaseMapPanel } from './BaseMapPanel';
import { BudgetPanel } from './BudgetPanel';
import { UsersPanel } from './UsersPanel';
import { type MessageKey, useT } from '../i18n/language';

const TABS: { id: AdminTab; label: MessageKey }[] = [
  { id: 'users', label: 'admin.tab.users' },
  { id: 'audit', label: 'admin.tab.audit' },
  { id: 'budgets', label: 'admin.tab.budgets' },
  { id: 'base-map', label: 'admin.tab.baseMap' },
];

/** Users, the audit log, the restricted-query budgets and the base map: for admins only (the server refuses everyone else). */
export function AdminPage({ header, notice }: { header: ReactNode; notice?: ReactNode }) {
  const [selection, select] = useSelection();
  const tab = selection.tab ?? 'users';
  const translate = useT();
  return (
    <PageShell title={translate('admin.title')} header={header} notice={notice}>
      <div className="tabs" role="tablist">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            onClick={() => select({ tab: t.id === 'users' ? undefined : t.id })}
          >
            {translate(t.label)}
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
