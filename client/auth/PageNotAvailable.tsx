import type { ReactNode } from 'react';
import { PageShell } from '../controls/PageShell';
import { useT } from '../i18n/language';

/** Shown, instead of the page, when the user's role cannot use the page the address names. */
export function PageNotAvailable({ why, header }: { why: string; header: ReactNode }) {
  const t = useT();
  return (
    <PageShell title={t('auth.notAvailable.title')} header={header}>
      <p className="notice" role="status">
        {why} {t('auth.notAvailable.ask')}
      </p>
    </PageShell>
  );
}
