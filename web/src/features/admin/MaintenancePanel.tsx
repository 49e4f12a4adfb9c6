/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import { useCallback, useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/client';
import { getMaintenance, setMaintenance, type MaintenanceState } from '../../api/maintenance';
import { ErrorMessage, formatDate } from '../shared';
import { useLoad } from '../useLoad';

const MESSAGE_MAX = 500;

/** The admin's switch for maintenance mode (read-only API on every node) with an optional message. */
export function MaintenancePanel() {
  const [state, setState] = useState<MaintenanceState | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const messageId = useId();
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
    if (turningOn && message.length > MESSAGE_MAX) return setError(`The message can have at most ${MESSAGE_MAX} characters.`);
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
        <h2 id="maintenance-title">Maintenance mode</h2>
        <button type="button" onClick={() => void load()} disabled={busy}>Refresh</button>
      </div>
      {state === null ? (
        <p className="muted">{error ? null : 'Loading…'}</p>
      ) : (
        <>
          <p role="status">
            {state.enabled ? <strong className="fail">On</strong> : <strong className="ok">Off</strong>}
            {state.since && <> since {formatDate(state.since)}</>}
            {state.by && <> (set by {state.by})</>}
            {state.enabled
              ? '. Every change is refused on all nodes; reading, signing in and stopping runs still work.'
              : '. People can change things as usual.'}
          </p>
          <form onSubmit={toggle} noValidate aria-label={state.enabled ? 'End maintenance' : 'Start maintenance'}>
            {!state.enabled && (
              <div className="field">
                <label htmlFor={messageId}>Message shown to people (optional)</label>
                <textarea id={messageId} aria-describedby={hintId} rows={2} maxLength={MESSAGE_MAX} value={message}
                  onChange={(e) => setMessage(e.target.value)} />
                <small id={hintId} className="hint">For example what is being done and when it should end.</small>
              </div>
            )}
            {state.enabled && state.message && <p className="notice">{state.message}</p>}
            <button type="submit" className={state.enabled ? 'primary' : 'danger'} disabled={busy}>
              {state.enabled ? 'End maintenance' : 'Start maintenance'}
            </button>
          </form>
        </>
      )}
      <ErrorMessage message={error} />
    </section>
  );
}
