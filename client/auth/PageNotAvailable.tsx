import type { ReactNode } from 'react';
import { PageShell } from '../controls/PageShell';

/** Shown, instead of the page, when the user's role cannot use the page the address names. */
export function PageNotAvailable({ why, header }: { why: string; header: ReactNode }) {
  return (
    <PageShell title="page not available" header={header}>
      <p className="notice" role="status">
        {why} Ask an administrator if you need it; the menu above lists the pages you can use.
      </p>
    </PageShell>
  );
}
