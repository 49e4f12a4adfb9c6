/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, errorMessage, login } from '../../api/client';
import type { User } from '../../api/types';
import { ErrorMessage, Field } from '../shared';

export function LoginForm({ onSignedIn, notice }: { onSignedIn: (user: User) => void; notice?: string | null }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [retryUntil, setRetryUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (retryUntil === null) return;
    const timer = setInterval(() => {
      const t = Date.now();
      setNow(t);
      if (t >= retryUntil) {
        setRetryUntil(null);
        setError(null);
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [retryUntil]);

  const waitSeconds = retryUntil === null ? 0 : Math.max(0, Math.ceil((retryUntil - now) / 1000));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!username.trim() || !password) return setError('Enter your username and password.');
    setError(null);
    setBusy(true);
    try {
      const session = await login(username.trim(), password);
      onSignedIn(session.user);
      return;
    } catch (err) {
      if (err instanceof ApiError && err.status === 429) {
        if (err.retryAfter !== undefined) {
          const t = Date.now();
          setNow(t);
          setRetryUntil(t + err.retryAfter * 1000);
        } else {
          setError('Too many attempts, try again later');
        }
      } else if (err instanceof ApiError && err.code === 'ACCOUNT_DISABLED') {
        setError('This account is disabled. Ask an admin to enable it again.');
      } else if (err instanceof ApiError && err.status === 401) {
        // Prefer the server's own wording; fall back when the body had none.
        setError(err.code.startsWith('HTTP_') ? 'Wrong username or password' : err.message);
      } else {
        setError(errorMessage(err));
      }
    }
    setBusy(false);
  }

  const shown = retryUntil !== null ? `Too many attempts, try again in ${waitSeconds} s` : error;

  return (
    <main className="auth-page">
      <form className="card auth-card" onSubmit={submit} noValidate aria-labelledby="login-title">
        <h1 id="login-title">Sign in to Claude Code UI</h1>
        {notice && <p className="notice" role="status">{notice}</p>}
        <Field label="Username" name="username" autoComplete="username" required value={username}
          onChange={(e) => setUsername(e.target.value)} autoFocus />
        <Field label="Password" name="password" type="password" autoComplete="current-password" required
          value={password} onChange={(e) => setPassword(e.target.value)} />
        <ErrorMessage message={shown} />
        <button type="submit" className="primary" disabled={busy || retryUntil !== null}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
