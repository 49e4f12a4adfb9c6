import { useCallback, useState } from 'react';
import { deletePushSubscription, errorMessage, getPushPreferences, listPushSubscriptions, updatePushPreferences } from '../../api/client';
import type { PushPreferences, PushSubscriptionView } from '../../api/types';
import { ErrorMessage, formatDate } from '../shared';
import { useLoad } from '../useLoad';
import { useStrings } from '../../i18n/catalog';
import { disablePush, enablePush, forgetIfThisDevice, pushSupported, thisDeviceId } from './push';
import { pushStrings } from './strings';

/** The preferences, each named by the catalogue entry of the same key. */
const TOPICS: (keyof PushPreferences & keyof typeof pushStrings.en)[] = ['approvalNeeded', 'question', 'runFinished', 'runFailed'];

/** The user's devices that get push notifications, and which notifications they get. */
export function NotificationsPage() {
  const [devices, setDevices] = useState<PushSubscriptionView[] | null>(null);
  const [prefs, setPrefs] = useState<PushPreferences | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [thisDevice, setThisDevice] = useState(thisDeviceId);
  const t = useStrings(pushStrings);

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
      <h2 id="push-title">{t.title}</h2>
      <p className="muted">
        {t.intro}
      </p>
      {pushSupported() ? (
        <button type="button" className={thisDevice ? undefined : 'primary'} disabled={busy} onClick={() => void toggleThisDevice()}>
          {thisDevice ? t.stopHere : t.sendHere}
        </button>
      ) : (
        <p className="muted">{t.unsupportedHint}</p>
      )}
      <ErrorMessage message={error} />
      <fieldset className="push-topics" disabled={prefs === null}>
        <legend>{t.tellMeWhen}</legend>
        {TOPICS.map((key) => (
          <label key={key} className="check">
            <input type="checkbox" checked={prefs?.[key] ?? false} onChange={(e) => void choose(key, e.target.checked)} />
            {t[key]}
          </label>
        ))}
      </fieldset>
      <h3>{t.devices}</h3>
      {devices === null ? (
        <p className="muted">{t.loading}</p>
      ) : devices.length === 0 ? (
        <p className="muted">{t.noDevices}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr><th scope="col">{t.device}</th><th scope="col">{t.pushService}</th><th scope="col">{t.added}</th><th scope="col"><span className="sr-only">{t.actions}</span></th></tr>
            </thead>
            <tbody>
              {devices.map((d) => (
                <tr key={d.id}>
                  <td>{d.device ?? t.unnamedDevice}{d.id === thisDevice && <strong>{t.thisDevice}</strong>}</td>
                  <td className="mono">{d.service}</td>
                  <td>{formatDate(d.createdAt)}</td>
                  <td>
                    <button type="button" className="danger" onClick={() => void remove(d)} aria-label={t.removeDevice(d.device ?? null)}>
                      {t.remove}
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
