import { lazy, Suspense, useEffect, useState } from 'react';
import { SetPassword } from './auth/SetPassword';
import { SignInPage } from './auth/SignInPage';
import { PageNotAvailable } from './auth/PageNotAvailable';
import { pageRefusal } from './auth/pageAccess';
import { UserBar } from './auth/UserBar';
import { useSession } from './auth/useSession';
import { EMPTY_VOCABULARY, useVocabularyRequest, VocabularyProvider } from './reference/vocabulary';
import { navigate, open, pageOf, useLocation } from './selection/location';
import { ErrorBanner } from './status/ErrorBanner';
import { useT } from './i18n/language';

// Each page is its own chunk, loaded when first shown: the sign-in page loads no map code.
const loadMapPage = () => import('./App');
const App = lazy(() => loadMapPage().then((m) => ({ default: m.App })));
const AdminPage = lazy(() => import('./admin/AdminPage').then((m) => ({ default: m.AdminPage })));
const ComparePage = lazy(() => import('./compare/ComparePage').then((m) => ({ default: m.ComparePage })));
const PanelPage = lazy(() => import('./panel/PanelPage').then((m) => ({ default: m.PanelPage })));
const ReportPage = lazy(() => import('./panel/ReportPage').then((m) => ({ default: m.ReportPage })));
const SharingPage = lazy(() => import('./sharing/SharingPage').then((m) => ({ default: m.SharingPage })));
const DefinitionsPage = lazy(() =>
  import('./definitions/DefinitionsPage').then((m) => ({ default: m.DefinitionsPage })),
);
const ProximityPage = lazy(() => import('./proximity/ProximityPage').then((m) => ({ default: m.ProximityPage })));
const SnaPage = lazy(() => import('./sna/SnaPage').then((m) => ({ default: m.SnaPage })));
const TriangulationPage = lazy(() =>
  import('./triangulation/TriangulationPage').then((m) => ({ default: m.TriangulationPage })),
);

/**
 * Signs the user in before anything else loads, loads the vocabulary every page labels things
 * with, then shows the page the URL names; each page keeps its selection in the URL.
 */
export function Root() {
  const t = useT();
  const { state, signedIn, signOut } = useSession();
  const { path } = useLocation();
  const vocabulary = useVocabularyRequest(state.status === 'signed-in');
  const [passwordSet, setPasswordSet] = useState(false);
  const signedInToMap = state.status === 'signed-in' && pageOf(path) === 'map';
  // The map page's code (MapLibre, deck.gl) loads while the vocabulary is fetched, not after it.
  useEffect(() => {
    if (signedInToMap) void loadMapPage();
  }, [signedInToMap]);

  if (state.status === 'loading') return <p className="status-line page-loading">{t('common.loading')}</p>;
  if (state.status === 'signed-out') return <SignInPage message={state.message} onSignedIn={signedIn} />;
  if (vocabulary.loading) return <p className="status-line page-loading">{t('common.loading')}</p>;

  const page = pageOf(path);
  const user = state.user;
  const bar = <UserBar user={user} page={page} onNavigate={navigate} onSignOut={() => void signOut()} />;
  const passwordPrompt =
    !user.hasPassword && !passwordSet ? <SetPassword needsCurrent={false} onDone={() => setPasswordSet(true)} /> : null;
  const refusal = pageRefusal(user.role, page);
  const shown =
    refusal !== null ? (
      <PageNotAvailable why={refusal} header={bar} />
    ) : page === 'admin' ? (
      <AdminPage header={bar} notice={passwordPrompt} />
    ) : page === 'report' ? (
      <ReportPage reviewId={Number(path.split('/')[2])} onBack={() => navigate('panels')} />
    ) : page === 'panels' ? (
      <PanelPage
        user={user}
        header={bar}
        notice={passwordPrompt}
        onOpenReport={(id) => open(`/reviews/${id}/report`)}
      />
    ) : page === 'compare' ? (
      <ComparePage header={bar} notice={passwordPrompt} />
    ) : page === 'triangulation' ? (
      <TriangulationPage header={bar} notice={passwordPrompt} onOpenReport={open} />
    ) : page === 'definitions' ? (
      <DefinitionsPage user={user} header={bar} notice={passwordPrompt} />
    ) : page === 'proximity' ? (
      <ProximityPage header={bar} notice={passwordPrompt} />
    ) : page === 'sna' ? (
      <SnaPage onBack={() => navigate('triangulation')} />
    ) : page === 'sharing' ? (
      <SharingPage user={user} header={bar} notice={passwordPrompt} />
    ) : (
      <App header={bar} notice={passwordPrompt} />
    );
  return (
    <VocabularyProvider value={vocabulary.data ?? EMPTY_VOCABULARY}>
      {vocabulary.error && <ErrorBanner messages={[vocabulary.error]} />}
      <Suspense fallback={<p className="status-line page-loading">{t('common.loading')}</p>}>{shown}</Suspense>
    </VocabularyProvider>
  );
}
