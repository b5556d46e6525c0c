import { type FormEvent, useEffect, useState } from 'react';
import { api, okJson, type SessionUser } from '../api';
import { FormError } from '../controls/FormError';
import { TextField } from '../controls/TextField';
import { replaceUrl } from '../selection/location';
import { useT } from '../i18n/language';

interface SignInPageProps {
  message?: string;
  onSignedIn: (user: SessionUser, csrfToken: string | null) => void;
}

/** Email and password, or a one-time link (`/signin?link=...`) from the console or an admin. */
export function SignInPage({ message, onSignedIn }: SignInPageProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const t = useT();

  useEffect(() => {
    const link = new URLSearchParams(window.location.search).get('link');
    if (!link) return;
    // The link is spent on first use: take it out of the address bar and history at once.
    replaceUrl('/');
    setBusy(true);
    okJson(api.api.auth.link.$post({ json: { token: link } }))
      .then((body) => onSignedIn(body.user, body.csrfToken))
      .catch((e: Error) => setError(e.message))
      .finally(() => setBusy(false));
  }, [onSignedIn]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = await okJson(api.api.auth.signin.$post({ json: { email, password } }));
      if (window.location.pathname === '/signin') replaceUrl('/');
      onSignedIn(body.user, body.csrfToken);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="sign-in">
      <form className="sign-in-card" onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">hotspot</h1>
        <p className="hint">{t('auth.signIn.intro')}</p>
        {message && <p className="notice">{message}</p>}
        <TextField
          label={t('auth.email')}
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={setEmail}
        />
        <TextField
          label={t('auth.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={setPassword}
        />
        <FormError message={error} />
        <button type="submit" disabled={busy}>
          {busy ? t('auth.signIn.busy') : t('auth.signIn.button')}
        </button>
        <p className="hint">{t('auth.signIn.help')}</p>
      </form>
    </main>
  );
}
