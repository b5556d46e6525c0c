import type { ReactNode } from 'react';

interface PageShellProps {
  /** Shown after "hotspot · " in the page heading. */
  title: string;
  /** The signed-in user's bar. */
  header: ReactNode;
  /** A prompt under the heading (e.g. choose a password). */
  notice?: ReactNode;
  className?: string;
  children: ReactNode;
}

/** A page other than the map: its heading with the user's bar, any notice, then the page; all of it the page's one <main> landmark. */
export function PageShell({ title, header, notice, className, children }: PageShellProps) {
  return (
    <main className={className ? `admin-page ${className}` : 'admin-page'}>
      <header className="admin-header">
        <h1>hotspot · {title}</h1>
        {header}
      </header>
      {notice}
      {children}
    </main>
  );
}
