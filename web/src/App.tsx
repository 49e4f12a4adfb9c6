import { useCallback, useEffect, useState } from 'react';
import { ApiError, errorMessage, getAuthStatus, getMe, logout, onUnauthorized } from './api/client';
import type { User } from './api/types';
import { LoginForm } from './features/auth/LoginForm';
import { SetupForm } from './features/auth/SetupForm';
import { loadPreferences } from './features/preferences/preferences';
import { Shell } from './features/shell/Shell';
import { useLoad } from './features/useLoad';
import { appStrings } from './App.strings';
import { useStrings } from './i18n/catalog';

type State =
  | { kind: 'loading' }
  | { kind: 'unreachable'; message: string }
  | { kind: 'setup'; codeRequired: boolean }
  /** Why the sign-in page shows, said on it (in the language shown then). */
  | { kind: 'login'; notice?: 'sessionEnded' | 'signedOut' }
  | { kind: 'signedIn'; user: User };

export function App() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const t = useStrings(appStrings);

  /** Asks who is signed in; the page starts as "Loading…", and "Try again" shows it again first. */
  const boot = useCallback(async () => {
    try {
      const status = await getAuthStatus();
      if (status.setupRequired) return setState({ kind: 'setup', codeRequired: status.setupCodeRequired === true });
      try {
        setState({ kind: 'signedIn', user: await getMe() });
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return setState({ kind: 'login' });
        throw err;
      }
    } catch (err) {
      setState({ kind: 'unreachable', message: errorMessage(err) });
    }
  }, []);

  useLoad(boot);

  // Each sign-in reads the person's preferences: their theme follows them from browser to browser.
  const signedInId = state.kind === 'signedIn' ? state.user.id : null;
  useEffect(() => {
    if (signedInId) void loadPreferences();
  }, [signedInId]);

  useEffect(() => {
    // Only a signed-in person's session can end under them: a request still in flight when they
    // signed out themselves answers 401 too, and must not turn "signed out" into "session ended".
    onUnauthorized(() =>
      setState((now) => (now.kind === 'signedIn' ? { kind: 'login', notice: 'sessionEnded' } : now)),
    );
    return () => onUnauthorized(null);
  }, []);

  const signedIn = (user: User) => setState({ kind: 'signedIn', user });

  async function signOut() {
    try {
      await logout();
    } catch {
      // the session is gone either way
    }
    window.location.hash = '';
    setState({ kind: 'login', notice: 'signedOut' });
  }

  switch (state.kind) {
    case 'loading':
      return <p className="center muted" role="status">{t.loading}</p>;
    case 'unreachable':
      return (
        <main className="auth-page">
          <div className="card auth-card" role="alert">
            <h1>{t.cannotLoad}</h1>
            <p>{state.message}</p>
            <button type="button" className="primary" onClick={() => { setState({ kind: 'loading' }); void boot(); }}>{t.tryAgain}</button>
          </div>
        </main>
      );
    case 'setup':
      return <SetupForm onSignedIn={signedIn} codeRequired={state.codeRequired} />;
    case 'login':
      return <LoginForm onSignedIn={signedIn} notice={state.notice && t[state.notice]} />;
    case 'signedIn':
      return <Shell user={state.user} onSignOut={signOut} />;
  }
}
