/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import { useState, type FormEvent } from 'react';
import { changePassword, errorMessage } from '../../api/client';
import { ErrorMessage, Field, PASSWORD_MIN } from '../shared';

export function ChangePasswordPage() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    if (!current) return setError('Enter your current password.');
    if (next.length < PASSWORD_MIN) return setError(`The new password must have at least ${PASSWORD_MIN} characters.`);
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
      <h2 id="pw-title">Change password</h2>
      <form onSubmit={submit} noValidate>
        <Field label="Current password" type="password" autoComplete="current-password" required value={current}
          onChange={(e) => setCurrent(e.target.value)} />
        <Field label="New password" type="password" autoComplete="new-password" required minLength={PASSWORD_MIN}
          hint={`At least ${PASSWORD_MIN} characters. Your other sessions will be signed out.`} value={next}
          onChange={(e) => setNext(e.target.value)} />
        <ErrorMessage message={error} />
        {done && <p className="success" role="status">Password changed.</p>}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : 'Change password'}
        </button>
      </form>
    </section>
  );
}
