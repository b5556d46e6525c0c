import { useEffect, useState } from 'react';
import { AdminPage } from './admin/AdminPage';
import { App } from './App';
import { SharingPage } from './sharing/SharingPage';
import { PanelPage } from './panel/PanelPage';
import { ComparePage } from './compare/ComparePage';
import { TriangulationPage } from './triangulation/TriangulationPage';
import { SnaPage } from './sna/SnaPage';
import { ReportPage } from './panel/ReportPage';
import { SetPassword } from './auth/SetPassword';
import { SignInPage } from './auth/SignInPage';
import { UserBar } from './auth/UserBar';
import { useSession } from './auth/useSession';

type Page = 'map' | 'admin' | 'sharing' | 'panels' | 'compare' | 'triangulation' | 'report' | 'sna';

const PATHS: Record<Exclude<Page, 'report' | 'sna'>, string> = {
  map: '/',
  admin: '/admin',
  sharing: '/sharing',
  panels: '/panels',
  compare: '/compare',
  triangulation: '/triangulation',
};

function pageFromPath(): Page {
  const path = window.location.pathname;
  if (/^\/reviews\/\d+\/report/.test(path)) return 'report';
  if (path.startsWith('/sna')) return 'sna';
  return path.startsWith('/admin')
    ? 'admin'
    : path.startsWith('/sharing')
      ? 'sharing'
      : path.startsWith('/panels')
        ? 'panels'
        : path.startsWith('/compare')
          ? 'compare'
          : path.startsWith('/triangulation')
            ? 'triangulation'
            : 'map';
}

const reportId = () => Number(window.location.pathname.split('/')[2]);

/** Signs the user in before anything else loads, then shows the map or (admins) the admin page. */
export function Root() {
  const { state, signedIn, signOut } = useSession();
  const [page, setPage] = useState<Page>(pageFromPath);
  const [passwordSet, setPasswordSet] = useState(false);

  useEffect(() => {
    const onPop = () => setPage(pageFromPath());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  if (state.status === 'loading') return <p className="status-line page-loading">Loading…</p>;
  if (state.status === 'signed-out') return <SignInPage message={state.message} onSignedIn={signedIn} />;

  const navigate = (next: Exclude<Page, 'report' | 'sna'>) => {
    window.history.pushState(null, '', PATHS[next]);
    setPage(next);
  };
  const openReport = (id: number) => {
    window.history.pushState(null, '', `/reviews/${id}/report`);
    setPage('report');
  };
  const user = state.user;
  const bar = <UserBar user={user} page={page} onNavigate={navigate} onSignOut={() => void signOut()} />;
  const passwordPrompt =
    !user.hasPassword && !passwordSet ? <SetPassword needsCurrent={false} onDone={() => setPasswordSet(true)} /> : null;
  if (page === 'admin' && user.role === 'admin') return <AdminPage header={bar} notice={passwordPrompt} />;
  if (page === 'report') return <ReportPage reviewId={reportId()} onBack={() => navigate('panels')} />;
  if (page === 'panels')
    return <PanelPage user={user} header={bar} notice={passwordPrompt} onOpenReport={openReport} />;
  if (page === 'compare') return <ComparePage header={bar} notice={passwordPrompt} />;
  if (page === 'triangulation')
    return (
      <TriangulationPage
        header={bar}
        notice={passwordPrompt}
        onOpenReport={(link) => {
          window.history.pushState(null, '', link);
          setPage('sna');
        }}
      />
    );
  if (page === 'sna') return <SnaPage onBack={() => navigate('triangulation')} />;
  if (page === 'sharing' && user.role !== 'panel') return <SharingPage header={bar} notice={passwordPrompt} />;
  return <App header={bar} notice={passwordPrompt} />;
}
