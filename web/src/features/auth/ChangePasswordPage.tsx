import { useState, type FormEvent } from 'react';
import { changePassword, errorMessage } from '../../api/client';
import { ErrorMessage, Field, PASSWORD_MIN } from '../shared';
import { useStrings } from '../../i18n/catalog';
import { authStrings } from './strings';

export function ChangePasswordPage() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const t = useStrings(authStrings);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    if (!current) return setError(t.enterCurrent);
    if (next.length < PASSWORD_MIN) return setError(t.newPasswordTooShort(PASSWORD_MIN));
    setError(null);
    setBusy(true);
    try {
      await changePassword(current, next);
      setCurrent('');
      setNext('');
      setDone(true);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card narrow" aria-labelledby="pw-title">
      <h2 id="pw-title">{t.changePassword}</h2>
      <form onSubmit={submit} noValidate>
        <Field label={t.currentPassword} type="password" autoComplete="current-password" required value={current}
          onChange={(e) => setCurrent(e.target.value)} />
        <Field label={t.newPassword} type="password" autoComplete="new-password" required minLength={PASSWORD_MIN}
          hint={t.newPasswordHint(PASSWORD_MIN)} value={next}
          onChange={(e) => setNext(e.target.value)} />
        <ErrorMessage message={error} />
        {done && <p className="success" role="status">{t.passwordChanged}</p>}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t.saving : t.changePassword}
        </button>
      </form>
    </section>
  );
}
