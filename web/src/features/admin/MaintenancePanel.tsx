import { useCallback, useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/client';
import { getMaintenance, setMaintenance, type MaintenanceState } from '../../api/maintenance';
import { useStrings } from '../../i18n/catalog';
import { ErrorMessage, formatDate } from '../shared';
import { adminStrings } from './strings';
import { useLoad } from '../useLoad';

const MESSAGE_MAX = 500;

/** The admin's switch for maintenance mode (read-only API on every node) with an optional message. */
export function MaintenancePanel() {
  const [state, setState] = useState<MaintenanceState | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const messageId = useId();
  const t = useStrings(adminStrings);
  const hintId = `${messageId}-hint`;

  const load = useCallback(async () => {
    try {
      const current = await getMaintenance();
      setState(current);
      setMessage(current.message ?? '');
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, []);

  useLoad(load);

  async function toggle(e: FormEvent) {
    e.preventDefault();
    if (!state) return;
    const turningOn = !state.enabled;
    if (turningOn && message.length > MESSAGE_MAX) return setError(t.messageTooLong(MESSAGE_MAX));
    setBusy(true);
    try {
      const next = await setMaintenance(turningOn, turningOn ? message.trim() || null : null);
      setState(next);
      setMessage(next.message ?? '');
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="maintenance-title">
      <div className="card-head">
        <h2 id="maintenance-title">{t.title}</h2>
        <button type="button" onClick={() => void load()} disabled={busy}>{t.refresh}</button>
      </div>
      {state === null ? (
        <p className="muted">{error ? null : t.loading}</p>
      ) : (
        <>
          <p role="status">
            {state.enabled ? <strong className="fail">{t.on}</strong> : <strong className="ok">{t.off}</strong>}
            {state.since && t.since(formatDate(state.since))}
            {state.by && t.setBy(state.by)}
            {state.enabled
              ? t.onExplained
              : t.offExplained}
          </p>
          <form onSubmit={toggle} noValidate aria-label={state.enabled ? t.endMaintenance : t.startMaintenance}>
            {!state.enabled && (
              <div className="field">
                <label htmlFor={messageId}>{t.messageLabel}</label>
                <textarea id={messageId} aria-describedby={hintId} rows={2} maxLength={MESSAGE_MAX} value={message}
                  onChange={(e) => setMessage(e.target.value)} />
                <small id={hintId} className="hint">{t.messageHint}</small>
              </div>
            )}
            {state.enabled && state.message && <p className="notice">{state.message}</p>}
            <button type="submit" className={state.enabled ? 'primary' : 'danger'} disabled={busy}>
              {state.enabled ? t.endMaintenance : t.startMaintenance}
            </button>
          </form>
        </>
      )}
      <ErrorMessage message={error} />
    </section>
  );
}
