import { useState, type FormEvent } from 'react';
import { errorMessage, setup } from '../../api/client';
import type { User } from '../../api/types';
import { ErrorMessage, Field, PASSWORD_MIN } from '../shared';

export function SetupForm({ onSignedIn }: { onSignedIn: (user: User) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!username.trim()) return setError('Choose a username.');
    if (password.length < PASSWORD_MIN) return setError(`The password must have at least ${PASSWORD_MIN} characters.`);
    if (password !== confirm) return setError('The passwords do not match.');
    setError(null);
    setBusy(true);
    try {
      const session = await setup(username.trim(), password);
      onSignedIn(session.user);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <main className="auth-page">
      <form className="card auth-card" onSubmit={submit} noValidate aria-labelledby="setup-title">
        <h1 id="setup-title">Create the first admin</h1>
        <p className="muted">This account manages users and settings of this Claude Code UI.</p>
        <Field label="Username" name="username" autoComplete="username" required value={username}
          onChange={(e) => setUsername(e.target.value)} autoFocus />
        <Field label="Password" name="password" type="password" autoComplete="new-password" required
          minLength={PASSWORD_MIN} hint={`At least ${PASSWORD_MIN} characters.`} value={password}
          onChange={(e) => setPassword(e.target.value)} />
        <Field label="Confirm password" name="confirm" type="password" autoComplete="new-password" required
          value={confirm} onChange={(e) => setConfirm(e.target.value)} />
        <ErrorMessage message={error} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create admin'}
        </button>
      </form>
    </main>
  );
}
