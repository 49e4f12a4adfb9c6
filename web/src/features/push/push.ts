import { addPushSubscription, deletePushSubscription, getVapidPublicKey } from '../../api/client';
import { stringsNow } from '../../i18n/catalog';
import { pushStrings } from './strings';

/**
 * Web Push on this device: the service worker's subscription, registered with the server so
 * that approvals, questions and finished runs reach this device while no tab is open. Which
 * server-side subscription is this device's is kept in localStorage (the server never returns
 * endpoints).
 */
const THIS_DEVICE = 'ccui.push.subscriptionId';

export function pushSupported(): boolean {
  return typeof window !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window
    && 'Notification' in window;
}

export function thisDeviceId(): string | null {
  try {
    return localStorage.getItem(THIS_DEVICE);
  } catch {
    return null;
  }
}

function remember(id: string | null) {
  try {
    if (id) localStorage.setItem(THIS_DEVICE, id);
    else localStorage.removeItem(THIS_DEVICE);
  } catch {
    // private mode: the device list still shows it, only not as "this device"
  }
}

/** The VAPID key as PushManager wants it: the bytes of its base64url text. */
export function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(base64url.length / 4) * 4, '=');
  const text = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(text.length));
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** A short name for the device list, e.g. "Firefox on Android". */
export function deviceName(userAgent: string): string {
  const t = stringsNow(pushStrings);
  const browser = /Edg\//.test(userAgent) ? 'Edge' : /Firefox\//.test(userAgent) ? 'Firefox'
    : /Chrome\//.test(userAgent) ? 'Chrome' : /Safari\//.test(userAgent) ? 'Safari' : t.aBrowser;
  const system = /Android/.test(userAgent) ? 'Android' : /iPhone|iPad/.test(userAgent) ? 'iOS'
    : /Mac OS X/.test(userAgent) ? 'macOS' : /Windows/.test(userAgent) ? 'Windows' : /Linux/.test(userAgent) ? 'Linux' : null;
  return t.deviceName(browser, system);
}

/** Asks the browser (from a click), subscribes with the server's key and registers the device. */
export async function enablePush(): Promise<void> {
  if (!pushSupported()) throw new Error(stringsNow(pushStrings).unsupported);
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') throw new Error(stringsNow(pushStrings).blocked);
  const registration = await navigator.serviceWorker.ready;
  const { publicKey } = await getVapidPublicKey();
  const subscription = await registration.pushManager.getSubscription()
    ?? await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) });
  const json = subscription.toJSON();
  if (!json.endpoint || !json.keys?.p256dh || !json.keys?.auth) throw new Error(stringsNow(pushStrings).noSubscription);
  const saved = await addPushSubscription(json.endpoint, { p256dh: json.keys.p256dh, auth: json.keys.auth },
    deviceName(navigator.userAgent));
  remember(saved.id);
}

/** Stops this device's notifications: the browser's subscription and the server's record. */
export async function disablePush(): Promise<void> {
  const id = thisDeviceId();
  if (pushSupported()) {
    const registration = await navigator.serviceWorker.getRegistration();
    await (await registration?.pushManager.getSubscription())?.unsubscribe();
  }
  if (id) await deletePushSubscription(id).catch(() => undefined);
  remember(null);
}

/** Forgets that a removed subscription was this device's. */
export function forgetIfThisDevice(id: string): void {
  if (thisDeviceId() === id) remember(null);
}
