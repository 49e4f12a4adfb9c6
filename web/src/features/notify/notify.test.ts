import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { notifyIfHidden, offerNotificationsOnce, setNotifications } from './notify';

class FakeNotification {
  static permission: NotificationPermission = 'default';
  static requestPermission = vi.fn(async () => {
    FakeNotification.permission = 'granted';
    return FakeNotification.permission;
  });
  static shown: { title: string; body?: string }[] = [];
  onclick: (() => void) | null = null;
  constructor(title: string, opts?: NotificationOptions) {
    FakeNotification.shown.push({ title, body: opts?.body });
  }
  close() {}
}

let hidden = true;
beforeEach(() => {
  localStorage.clear();
  FakeNotification.permission = 'default';
  FakeNotification.shown = [];
  FakeNotification.requestPermission.mockClear();
  vi.stubGlobal('Notification', FakeNotification);
  vi.spyOn(document, 'hidden', 'get').mockImplementation(() => hidden);
});
afterEach(() => vi.unstubAllGlobals());

describe('notifications', () => {
  it('asks once on the first send, then notifies only while the tab is hidden and for fresh events', async () => {
    offerNotificationsOnce();
    offerNotificationsOnce();
    expect(FakeNotification.requestPermission).toHaveBeenCalledTimes(1);
    await Promise.resolve();

    const now = new Date().toISOString();
    hidden = false;
    notifyIfHidden('Claude finished', 'x', 's1', now);
    expect(FakeNotification.shown).toEqual([]);
    hidden = true;
    notifyIfHidden('Claude finished', 'Open the chat', 's1', now);
    notifyIfHidden('Old news', 'replayed', 's1', '2020-01-01T00:00:00Z');
    expect(FakeNotification.shown).toEqual([{ title: 'Claude finished', body: 'Open the chat' }]);
  });

  it('never asks again after the bell was turned off', async () => {
    expect(await setNotifications(false)).toBe(false);
    offerNotificationsOnce();
    expect(FakeNotification.requestPermission).not.toHaveBeenCalled();
    expect(await setNotifications(true)).toBe(true);
  });
});
