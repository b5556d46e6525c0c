import type { SessionUser } from '../api';
import { labelOf, useVocabulary } from '../reference/vocabulary';
import type { MenuPage, Page } from '../selection/location';
import { LinkButton } from '../controls/LinkButton';
import { pageRefusal } from './pageAccess';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { type MessageKey, useT } from '../i18n/language';

interface UserBarProps {
  user: SessionUser;
  page: Page;
  onNavigate: (page: MenuPage) => void;
  onSignOut: () => void;
}

/** Who is signed in, links to the other pages their role may use, and sign-out. */
export function UserBar({ user, page, onNavigate, onSignOut }: UserBarProps) {
  const { roles } = useVocabulary();
  const t = useT();
  const menu: { page: MenuPage; label: MessageKey }[] = [
    { page: 'map', label: 'nav.map' },
    { page: 'panels', label: 'nav.panels' },
    { page: 'compare', label: 'nav.compare' },
    { page: 'triangulation', label: 'nav.triangulation' },
    { page: 'proximity', label: 'nav.proximity' },
    { page: 'definitions', label: 'nav.definitions' },
    { page: 'sharing', label: 'nav.sharing' },
    { page: 'admin', label: 'nav.admin' },
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
            {t(l.label)}
          </LinkButton>
        ))}
      <LinkButton onClick={onSignOut}>{t('nav.signOut')}</LinkButton>
      <LanguageSwitch />
    </div>
  );
}
