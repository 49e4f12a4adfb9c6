import { useState, type FormEvent } from 'react';
import { errorMessage, setup } from '../../api/client';
import type { User } from '../../api/types';
import { ErrorMessage, Field, fieldOf, PASSWORD_MIN } from '../shared';

export function SetupForm({ onSignedIn }: { onSignedIn: (user: User) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  /** Which field the error is about: it is shown under that field. */
  const [errorField, setErrorField] = useState<'username' | 'password' | 'confirm' | null>(null);
  const [busy, setBusy] = useState(false);

  function fail(field: typeof errorField, message: string) {
    setErrorField(field);
    setError(message);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!username.trim()) return fail('username', 'Choose a username.');
    if (password.length < PASSWORD_MIN) return fail('password', `The password must have at least ${PASSWORD_MIN} characters.`);
    if (password !== confirm) return fail('confirm', 'The passwords do not match.');
    setErrorField(null);
    setError(null);
    setBusy(true);
    try {
      const session = await setup(username.trim(), password);
      onSignedIn(session.user);
    } catch (err) {
      const field = fieldOf(err);
      fail(field === 'username' || field === 'password' ? field : null, errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <main className="auth-page">
      <form className="card auth-card" onSubmit={submit} noValidate aria-labelledby="setup-title">
        <h1 id="setup-title">Create the first admin</h1>
        <p className="muted">This account manages users and settings of this Claude Code UI.</p>
        <Field label="Username" name="username" autoComplete="username" required value={username}
          error={errorField === 'username' ? error : null} onChange={(e) => setUsername(e.target.value)} autoFocus />
        <Field label="Password" name="password" type="password" autoComplete="new-password" required
          minLength={PASSWORD_MIN} hint={`At least ${PASSWORD_MIN} characters, not a common password.`} value={password}
          error={errorField === 'password' ? error : null} onChange={(e) => setPassword(e.target.value)} />
        <Field label="Confirm password" name="confirm" type="password" autoComplete="new-password" required
          error={errorField === 'confirm' ? error : null} value={confirm} onChange={(e) => setConfirm(e.target.value)} />
        <ErrorMessage message={errorField ? null : error} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create admin'}
        </button>
      </form>
    </main>
  );
}
