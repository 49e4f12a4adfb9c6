import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, errorMessage, login } from '../../api/client';
import type { User } from '../../api/types';
import { ErrorMessage, Field } from '../shared';
import { useStrings } from '../../i18n/catalog';
import { authStrings } from './strings';

export function LoginForm({ onSignedIn, notice }: { onSignedIn: (user: User) => void; notice?: string | null }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [retryUntil, setRetryUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const t = useStrings(authStrings);

  useEffect(() => {
    if (retryUntil === null) return;
    const timer = setInterval(() => {
      const at = Date.now();
      setNow(at);
      if (at >= retryUntil) {
        setRetryUntil(null);
        setError(null);
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [retryUntil]);

  const waitSeconds = retryUntil === null ? 0 : Math.max(0, Math.ceil((retryUntil - now) / 1000));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!username.trim() || !password) return setError(t.enterCredentials);
    setError(null);
    setBusy(true);
    try {
      const session = await login(username.trim(), password);
      onSignedIn(session.user);
      return;
    } catch (err) {
      if (err instanceof ApiError && err.status === 429) {
        if (err.retryAfter !== undefined) {
          const at = Date.now();
          setNow(at);
          setRetryUntil(at + err.retryAfter * 1000);
        } else {
          setError(t.tooManyAttempts);
        }
      } else if (err instanceof ApiError && err.code === 'ACCOUNT_DISABLED') {
        setError(t.accountDisabled);
      } else if (err instanceof ApiError && err.status === 401) {
        // Prefer the server's own wording; fall back when the body had none.
        setError(err.code.startsWith('HTTP_') ? t.wrongCredentials : err.message);
      } else {
        setError(errorMessage(err));
      }
    }
    setBusy(false);
  }

  const shown = retryUntil !== null ? t.tooManyAttemptsWait(waitSeconds) : error;

  return (
    <main className="auth-page">
      <form className="card auth-card" onSubmit={submit} noValidate aria-labelledby="login-title">
        <h1 id="login-title">{t.signInTitle}</h1>
        {notice && <p className="notice" role="status">{notice}</p>}
        <Field label={t.username} name="username" autoComplete="username" required value={username}
          onChange={(e) => setUsername(e.target.value)} autoFocus />
        <Field label={t.password} name="password" type="password" autoComplete="current-password" required
          value={password} onChange={(e) => setPassword(e.target.value)} />
        <ErrorMessage message={shown} />
        <button type="submit" className="primary" disabled={busy || retryUntil !== null}>
          {busy ? t.signingIn : t.signIn}
        </button>
      </form>
    </main>
  );
}
