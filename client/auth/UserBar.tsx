import type { SessionUser } from '../api';

type Page = 'map' | 'admin' | 'sharing' | 'panels' | 'compare' | 'triangulation' | 'report' | 'sna';

const ROLE_LABELS: Record<string, string> = {
  admin: 'Administrator',
  analyst: 'Analyst',
  panel: 'Panel member',
  pcc: 'PCC staff',
};

interface UserBarProps {
  user: SessionUser;
  page: Page;
  onNavigate: (page: Exclude<Page, 'report' | 'sna'>) => void;
  onSignOut: () => void;
}

/** Who is signed in, links to the other pages their role may use, and sign-out. */
export function UserBar({ user, page, onNavigate, onSignOut }: UserBarProps) {
  const links: { page: Exclude<Page, 'report' | 'sna'>; label: string }[] = [
    { page: 'map', label: 'Map' },
    { page: 'panels', label: 'Panels' },
    { page: 'compare', label: 'Compare' },
    { page: 'triangulation', label: 'Police and ED' },
    ...(user.role !== 'panel' ? [{ page: 'sharing' as const, label: 'Data sharing' }] : []),
    ...(user.role === 'admin' ? [{ page: 'admin' as const, label: 'Admin' }] : []),
  ];
  return (
    <div className="user-bar">
      <span className="user-name" title={user.email}>
        {user.displayName} · {ROLE_LABELS[user.role] ?? user.role}
      </span>
      {links
        .filter((l) => l.page !== page)
        .map((l) => (
          <button key={l.page} type="button" className="link-button" onClick={() => onNavigate(l.page)}>
            {l.label}
          </button>
        ))}
      <button type="button" className="link-button" onClick={onSignOut}>
        Sign out
      </button>
    </div>
  );
}
