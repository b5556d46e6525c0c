import { useState } from 'react';
import { AdminPage } from './admin/AdminPage';
import { App } from './App';
import { SetPassword } from './auth/SetPassword';
import { SignInPage } from './auth/SignInPage';
import { UserBar } from './auth/UserBar';
import { useSession } from './auth/useSession';
import { ComparePage } from './compare/ComparePage';
import { PanelPage } from './panel/PanelPage';
import { ReportPage } from './panel/ReportPage';
import { EMPTY_VOCABULARY, useVocabularyRequest, VocabularyProvider } from './reference/vocabulary';
import { navigate, open, pageOf, useLocation } from './selection/location';
import { SharingPage } from './sharing/SharingPage';
import { SnaPage } from './sna/SnaPage';
import { ErrorBanner } from './status/ErrorBanner';
import { TriangulationPage } from './triangulation/TriangulationPage';

/**
 * Signs the user in before anything else loads, loads the vocabulary every page labels things
 * with, then shows the page the URL names; each page keeps its selection in the URL.
 */
export function Root() {
  const { state, signedIn, signOut } = useSession();
  const { path } = useLocation();
  const vocabulary = useVocabularyRequest(state.status === 'signed-in');
  const [passwordSet, setPasswordSet] = useState(false);

  if (state.status === 'loading') return <p className="status-line page-loading">Loading…</p>;
  if (state.status === 'signed-out') return <SignInPage message={state.message} onSignedIn={signedIn} />;
  if (vocabulary.loading) return <p className="status-line page-loading">Loading…</p>;

  const page = pageOf(path);
  const user = state.user;
  const bar = <UserBar user={user} page={page} onNavigate={navigate} onSignOut={() => void signOut()} />;
  const passwordPrompt =
    !user.hasPassword && !passwordSet ? <SetPassword needsCurrent={false} onDone={() => setPasswordSet(true)} /> : null;
  const shown =
    page === 'admin' && user.role === 'admin' ? (
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
    ) : page === 'sna' ? (
      <SnaPage onBack={() => navigate('triangulation')} />
    ) : page === 'sharing' && user.role !== 'panel' ? (
      <SharingPage user={user} header={bar} notice={passwordPrompt} />
    ) : (
      <App header={bar} notice={passwordPrompt} />
    );
  return (
    <VocabularyProvider value={vocabulary.data ?? EMPTY_VOCABULARY}>
      {vocabulary.error && <ErrorBanner messages={[vocabulary.error]} />}
      {shown}
    </VocabularyProvider>
  );
}
