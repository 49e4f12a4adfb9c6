/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import { useCallback, useState } from 'react';
import { deletePushSubscription, errorMessage, getPushPreferences, listPushSubscriptions, updatePushPreferences } from '../../api/client';
import type { PushPreferences, PushSubscriptionView } from '../../api/types';
import { ErrorMessage, formatDate } from '../shared';
import { useLoad } from '../useLoad';
import { disablePush, enablePush, forgetIfThisDevice, pushSupported, thisDeviceId } from './push';

const TOPICS: { key: keyof PushPreferences; label: string }[] = [
  { key: 'approvalNeeded', label: 'Claude needs an approval (a tool or a plan)' },
  { key: 'question', label: 'Claude asks a question' },
  { key: 'runFinished', label: 'A run finished' },
  { key: 'runFailed', label: 'A run failed or was lost' },
];

/** The user's devices that get push notifications, and which notifications they get. */
export function NotificationsPage() {
  const [devices, setDevices] = useState<PushSubscriptionView[] | null>(null);
  const [prefs, setPrefs] = useState<PushPreferences | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [thisDevice, setThisDevice] = useState(thisDeviceId);

  const load = useCallback(async () => {
    try {
      const [list, chosen] = await Promise.all([listPushSubscriptions(), getPushPreferences()]);
      setDevices(list.items);
      setPrefs(chosen);
      const mine = thisDeviceId();
      if (mine && !list.items.some((d) => d.id === mine)) {
        forgetIfThisDevice(mine);
        setThisDevice(null);
      }
    } catch (err) {
      setError(errorMessage(err));
    }
  }, []);
  useLoad(load);

  async function toggleThisDevice() {
    setError(null);
    setBusy(true);
    try {
      if (thisDevice) await disablePush();
      else await enablePush();
      setThisDevice(thisDeviceId());
      await load();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  async function remove(device: PushSubscriptionView) {
    setError(null);
    try {
      await deletePushSubscription(device.id);
      forgetIfThisDevice(device.id);
      setThisDevice(thisDeviceId());
      setDevices((ds) => ds?.filter((d) => d.id !== device.id) ?? null);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  async function choose(key: keyof PushPreferences, on: boolean) {
    setError(null);
    try {
      setPrefs(await updatePushPreferences({ [key]: on }));
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <section className="card" aria-labelledby="push-title">
      <h2 id="push-title">Push notifications</h2>
      <p className="muted">
        Notifications reach your devices even when no tab of the app is open. A click opens the session.
      </p>
      {pushSupported() ? (
        <button type="button" className={thisDevice ? undefined : 'primary'} disabled={busy} onClick={() => void toggleThisDevice()}>
          {thisDevice ? 'Stop notifications on this device' : 'Send notifications to this device'}
        </button>
      ) : (
        <p className="muted">This browser cannot receive push notifications (on iPhone: add the app to the home screen first).</p>
      )}
      <ErrorMessage message={error} />
      <fieldset className="push-topics" disabled={prefs === null}>
        <legend>Tell me when</legend>
        {TOPICS.map((t) => (
          <label key={t.key} className="check">
            <input type="checkbox" checked={prefs?.[t.key] ?? false} onChange={(e) => void choose(t.key, e.target.checked)} />
            {t.label}
          </label>
        ))}
      </fieldset>
      <h3>Devices</h3>
      {devices === null ? (
        <p className="muted">Loading…</p>
      ) : devices.length === 0 ? (
        <p className="muted">No device gets notifications yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr><th scope="col">Device</th><th scope="col">Push service</th><th scope="col">Added</th><th scope="col"><span className="sr-only">Actions</span></th></tr>
            </thead>
            <tbody>
              {devices.map((d) => (
                <tr key={d.id}>
                  <td>{d.device ?? 'Unnamed device'}{d.id === thisDevice && <strong> (this device)</strong>}</td>
                  <td className="mono">{d.service}</td>
                  <td>{formatDate(d.createdAt)}</td>
                  <td>
                    <button type="button" className="danger" onClick={() => void remove(d)} aria-label={`Remove ${d.device ?? 'device'}`}>
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
