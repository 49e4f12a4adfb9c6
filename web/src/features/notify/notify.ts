/**
 * Web notifications for runs that finish or wait for an approval while the tab is hidden. The
 * browser is asked for permission only from a user gesture (the bell in the user menu, or the
 * first prompt sent), and only once: a "no" is never asked again.
 */
const PREF = 'ccui.notifications';
/** Events older than this were replayed from the log (a reload, a reconnect): not news. */
const FRESH_MS = 60_000;

function supported(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window;
}

function pref(): 'on' | 'off' | null {
  try {
    const v = localStorage.getItem(PREF);
    return v === 'on' || v === 'off' ? v : null;
  } catch {
    return null;
  }
}

function setPref(v: 'on' | 'off') {
  try {
    localStorage.setItem(PREF, v);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

export function notificationsOn(): boolean {
  return supported() && Notification.permission === 'granted' && pref() !== 'off';
}

export function notificationsBlocked(): boolean {
  return supported() && Notification.permission === 'denied';
}

/** The bell: turns notifications on (asking the browser if it never was) or off. */
export async function setNotifications(on: boolean): Promise<boolean> {
  if (!supported()) return false;
  if (!on) {
    setPref('off');
    return false;
  }
  setPref('on');
  if (Notification.permission === 'default') await Notification.requestPermission();
  return notificationsOn();
}

/** Called on the first prompt sent: asks once if the user never chose either way. */
export function offerNotificationsOnce(): void {
  if (!supported() || pref() !== null || Notification.permission !== 'default') return;
  setPref('on');
  void Notification.requestPermission();
}

/** Shows a notification when the tab is hidden; a click brings the tab back at `href` (the chat). */
export function notifyIfHidden(title: string, body: string, sessionId: string, at: string, href: string | null = null): void {
  if (!notificationsOn() || !document.hidden) return;
  const t = Date.parse(at);
  if (!Number.isNaN(t) && Date.now() - t > FRESH_MS) return;
  try {
    const n = new Notification(title, { body, tag: `ccui-${sessionId}`, icon: '/icon-192.png' });
    n.onclick = () => {
      window.focus();
      if (href) window.location.hash = href.replace(/^#/, '');
      n.close();
    };
  } catch {
    // some mobile browsers only notify through a service worker: the badge in the app remains
  }
}
