import { useState, type FormEvent } from 'react';
import { ApiError, errorMessage, setup } from '../../api/client';
import type { User } from '../../api/types';
import { ErrorMessage, Field, fieldOf, PASSWORD_MIN } from '../shared';
import { useStrings } from '../../i18n/catalog';
import { authStrings } from './strings';

export function SetupForm({ onSignedIn, codeRequired = false }: { onSignedIn: (user: User) => void; codeRequired?: boolean }) {
  const [code, setCode] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  /** Which field the error is about: it is shown under that field. */
  const [errorField, setErrorField] = useState<'code' | 'username' | 'password' | 'confirm' | null>(null);
  const [busy, setBusy] = useState(false);
  const t = useStrings(authStrings);

  function fail(field: typeof errorField, message: string) {
    setErrorField(field);
    setError(message);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (codeRequired && !code.trim()) return fail('code', t.setupCodeMissing);
    if (!username.trim()) return fail('username', t.chooseUsername);
    if (password.length < PASSWORD_MIN) return fail('password', t.passwordTooShort(PASSWORD_MIN));
    if (password !== confirm) return fail('confirm', t.passwordsDiffer);
    setErrorField(null);
    setError(null);
    setBusy(true);
    try {
      const session = await setup(username.trim(), password, codeRequired ? code.trim() : undefined);
      onSignedIn(session.user);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'SETUP_CODE_REQUIRED') {
        fail('code', t.setupCodeWrong);
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
        <h1 id="setup-title">{t.setupTitle}</h1>
        <p className="muted">{t.setupIntro}</p>
        {codeRequired && (
          <Field label={t.setupCode} name="setupCode" autoComplete="off" required value={code}
            hint={t.setupCodeHint}
            error={errorField === 'code' ? error : null} onChange={(e) => setCode(e.target.value)} autoFocus />
        )}
        <Field label={t.username} name="username" autoComplete="username" required value={username}
          error={errorField === 'username' ? error : null} onChange={(e) => setUsername(e.target.value)} autoFocus={!codeRequired} />
        <Field label={t.password} name="password" type="password" autoComplete="new-password" required
          minLength={PASSWORD_MIN} hint={t.passwordHint(PASSWORD_MIN)} value={password}
          error={errorField === 'password' ? error : null} onChange={(e) => setPassword(e.target.value)} />
        <Field label={t.confirmPassword} name="confirm" type="password" autoComplete="new-password" required
          error={errorField === 'confirm' ? error : null} value={confirm} onChange={(e) => setConfirm(e.target.value)} />
        <ErrorMessage message={errorField ? null : error} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t.creating : t.createAdmin}
        </button>
      </form>
    </main>
  );
}
