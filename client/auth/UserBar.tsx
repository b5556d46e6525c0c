import type { SessionUser } from '../api';
import { labelOf, useVocabulary } from '../reference/vocabulary';
import type { MenuPage, Page } from '../selection/location';
import { LinkButton } from '../controls/LinkButton';
import { pageRefusal } from './pageAccess';

interface UserBarProps {
  user: SessionUser;
  page: Page;
  onNavigate: (page: MenuPage) => void;
  onSignOut: () => void;
}

/** Who is signed in, links to the other pages their role may use, and sign-out. */
export function UserBar({ user, page, onNavigate, onSignOut }: UserBarProps) {
  const { roles } = useVocabulary();
  const menu: { page: MenuPage; label: string }[] = [
    { page: 'map', label: 'Map' },
    { page: 'panels', label: 'Panels' },
    { page: 'compare', label: 'Compare' },
    { page: 'triangulation', label: 'Police and ED' },
    { page: 'proximity', label: 'Settings' },
    { page: 'definitions', label: 'Definitions' },
    { page: 'sharing', label: 'Data sharing' },
    { page: 'admin', label: 'Admin' },
  ];
  const links = menu.filter((l) => pageRefusal(user.role, l.page) === null);
  return (
    <div className="user-bar">
      <span className="user-name" title={user.email}>
        {user.displayName} · {labelOf(roles, user.role)}
      </span>
      {links
        .filter((l) => l.page !== page)
        .map((l) => (
          <LinkButton key={l.page} onClick={() => onNavigate(l.page)}>
            {l.label}
          </LinkButton>
        ))}
      <LinkButton onClick={onSignOut}>Sign out</LinkButton>
    </div>
  );
}
