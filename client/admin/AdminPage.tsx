import { useState, type ReactNode } from 'react';
import { AuditPanel } from './AuditPanel';
import { UsersPanel } from './UsersPanel';

/** Users and the audit log: for admins only (the server refuses everyone else). */
export function AdminPage({ header, notice }: { header: ReactNode; notice?: ReactNode }) {
  const [tab, setTab] = useState<'users' | 'audit'>('users');
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
      </nav>
      {tab === 'users' ? <UsersPanel /> : <AuditPanel />}
    </div>
  );
}
