/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import { useState, type FormEvent } from 'react';
import { ApiError, errorMessage, setup } from '../../api/client';
import type { User } from '../../api/types';
import { ErrorMessage, Field, fieldOf, PASSWORD_MIN } from '../shared';

export function SetupForm({ onSignedIn, codeRequired = false }: { onSignedIn: (user: User) => void; codeRequired?: boolean }) {
  const [code, setCode] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  /** Which field the error is about: it is shown under that field. */
  const [errorField, setErrorField] = useState<'code' | 'username' | 'password' | 'confirm' | null>(null);
  const [busy, setBusy] = useState(false);

  function fail(field: typeof errorField, message: string) {
    setErrorField(field);
    setError(message);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (codeRequired && !code.trim()) return fail('code', 'Enter the set-up code from the server\'s log.');
    if (!username.trim()) return fail('username', 'Choose a username.');
    if (password.length < PASSWORD_MIN) return fail('password', `The password must have at least ${PASSWORD_MIN} characters.`);
    if (password !== confirm) return fail('confirm', 'The passwords do not match.');
    setErrorField(null);
    setError(null);
    setBusy(true);
    try {
      const session = await setup(username.trim(), password, codeRequired ? code.trim() : undefined);
      onSignedIn(session.user);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'SETUP_CODE_REQUIRED') {
        fail('code', 'That set-up code is not right: copy it from the line "first-admin set-up code" in the server\'s log.');
        setBusy(false);
        return;
      }
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
        {codeRequired && (
          <Field label="Set-up code" name="setupCode" autoComplete="off" required value={code}
            hint="This server can be reached from other machines: enter the code it printed in its log when it started."
            error={errorField === 'code' ? error : null} onChange={(e) => setCode(e.target.value)} autoFocus />
        )}
        <Field label="Username" name="username" autoComplete="username" required value={username}
          error={errorField === 'username' ? error : null} onChange={(e) => setUsername(e.target.value)} autoFocus={!codeRequired} />
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
