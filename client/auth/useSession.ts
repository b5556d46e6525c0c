import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, okJson, setCsrfToken, SIGNED_OUT_EVENT, type SessionUser } from '../api';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out'; message?: string }
  | { status: 'signed-in'; user: SessionUser };

/** Who is signed in: asks the server once, and drops to signed-out whenever the API answers 401. */
export function useSession() {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const signedIn = useCallback((user: SessionUser, csrfToken: string | null) => {
    setCsrfToken(csrfToken);
    setState({ status: 'signed-in', user });
  }, []);

  useEffect(() => {
    let live = true;
    okJson(api.api.auth.me.$get())
      .then((body) => live && signedIn(body.user, body.csrfToken))
      .catch((error: unknown) => {
        if (!live) return;
        setState({
          status: 'signed-out',
          message: error instanceof ApiError && error.status === 401 ? undefined : String((error as Error).message),
        });
      });
    const onSignedOut = () => {
      setCsrfToken(null);
      setState((s) =>
        s.status === 'signed-in'
          ? { status: 'signed-out', message: 'Your session has ended. Please sign in again.' }
          : s,
      );
    };
    window.addEventListener(SIGNED_OUT_EVENT, onSignedOut);
    return () => {
      live = false;
      window.removeEventListener(SIGNED_OUT_EVENT, onSignedOut);
    };
  }, [signedIn]);

  const signOut = useCallback(async () => {
    await okJson(api.api.auth.signout.$post()).catch(() => undefined);
    setCsrfToken(null);
    setState({ status: 'signed-out' });
  }, []);

  return { state, signedIn, signOut };
}
