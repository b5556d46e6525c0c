import { useState, type ReactNode } from 'react';
import { AuditPanel } from './AuditPanel';
import { BudgetPanel } from './BudgetPanel';
import { UsersPanel } from './UsersPanel';

/** Users, the audit log and the restricted-query budgets: for admins only (the server refuses everyone else). */
export function AdminPage({ header, notice }: { header: ReactNode; notice?: ReactNode }) {
  const [tab, setTab] = useState<'users' | 'audit' | 'budgets'>('users');
  return (
    <div className="admin-page">
      <header className="admin-header">
        <h1>hotspot · administration</h1>
        {header}
      </header>
      {notice}
      <nav className="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'users'} onClick={() => setTab('users')}>
          Users
        </button>
        <button type="button" role="tab" aria-selected={tab === 'audit'} onClick={() => setTab('audit')}>
          Audit log
        </button>
        <button type="button" role="tab" aria-selected={tab === 'budgets'} onClick={() => setTab('budgets')}>
          Query budgets
        </button>
      </nav>
      {tab === 'users' ? <UsersPanel /> : tab === 'audit' ? <AuditPanel /> : <BudgetPanel />}
    </div>
  );
}
