import type { SessionUser } from '../api';

const ROLE_LABELS: Record<string, string> = { admin: 'Administrator', analyst: 'Analyst', panel: 'Panel member', pcc: 'PCC staff' };

interface UserBarProps {
  user: SessionUser;
  page: 'map' | 'admin';
  onNavigate: (page: 'map' | 'admin') => void;
  onSignOut: () => void;
}

/** Who is signed in, the admin page link for admins, and sign-out. */
export function UserBar({ user, page, onNavigate, onSignOut }: UserBarProps) {
  return (
    <div className="user-bar">
      <span className="user-name" title={user.email}>
        {user.displayName} · {ROLE_LABELS[user.role] ?? user.role}
      </span>
      {user.role === 'admin' &&
        (page === 'admin' ? (
          <button type="button" className="link-button" onClick={() => onNavigate('map')}>
            Map
          </button>
        ) : (
          <button type="button" className="link-button" onClick={() => onNavigate('admin')}>
            Admin
          </button>
        ))}
      <button type="button" className="link-button" onClick={onSignOut}>
        Sign out
      </button>
    </div>
  );
}
