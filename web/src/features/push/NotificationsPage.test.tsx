import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { showLanguage } from '../../i18n/current';
import { jsonResponse, routeFetch } from '../../test/fetch';
import { NotificationsPage } from './NotificationsPage';
import { deviceName, keyBytes } from './push';

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

const phone = { id: 'd1', service: 'https://fcm.googleapis.com', device: 'Chrome on Android', createdAt: '2026-01-02T00:00:00Z' };
const laptop = { id: 'd2', service: 'https://updates.push.services.mozilla.com', device: 'Firefox on Linux', createdAt: '2026-01-03T00:00:00Z' };

describe('NotificationsPage', () => {
  it('lists the devices, marks this one, removes one and changes a choice', async () => {
    localStorage.setItem('ccui.push.subscriptionId', 'd2');
    const calls: string[] = [];
    let prefs = { approvalNeeded: true, question: true, runFinished: false, runFailed: true };
    routeFetch((url, init) => {
      calls.push(`${init?.method ?? 'GET'} ${url}${init?.body ? ` ${String(init.body)}` : ''}`);
      if (url.endsWith('/api/push/subscriptions') && !init?.method?.startsWith('D')) {
        return jsonResponse(200, { items: [phone, laptop] });
      }
      if (url.endsWith('/api/push/preferences') && init?.method === 'PUT') {
        prefs = { ...prefs, ...JSON.parse(String(init.body)) };
        return jsonResponse(200, prefs);
      }
      if (url.endsWith('/api/push/preferences')) return jsonResponse(200, prefs);
      if (init?.method === 'DELETE') return new Response(null, { status: 204 });
      return jsonResponse(404, { error: { code: 'NOT_FOUND', message: 'no' } });
    });
    render(<NotificationsPage />);
    expect(await screen.findByText('Chrome on Android')).toBeTruthy();
    expect(screen.getByText('(this device)').closest('tr')?.textContent).toContain('Firefox on Linux');
    const finished = screen.getByRole('checkbox', { name: 'A run finished' }) as HTMLInputElement;
    expect(finished.checked).toBe(false);
    fireEvent.click(finished);
    await waitFor(() => expect((screen.getByRole('checkbox', { name: 'A run finished' }) as HTMLInputElement).checked).toBe(true));
    expect(calls).toContain('PUT /api/push/preferences {"runFinished":true}');

    fireEvent.click(screen.getByRole('button', { name: 'Remove Firefox on Linux' }));
    await waitFor(() => expect(screen.queryByText('Firefox on Linux')).toBeNull());
    expect(calls).toContain('DELETE /api/push/subscriptions/d2');
    expect(localStorage.getItem('ccui.push.subscriptionId')).toBeNull();
  });

  it('reads the VAPID key and names devices', () => {
    expect(Array.from(keyBytes('BAEC_w'))).toEqual([4, 1, 2, 255]);
    expect(deviceName('Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36'))
      .toBe('Chrome on Android');
    expect(deviceName('Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0')).toBe('Firefox on Linux');
  });

  it('speaks Spanish when Spanish is shown, device names too', async () => {
    showLanguage('es');
    try {
      expect(deviceName('Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0')).toBe('Firefox en Linux');
      routeFetch((url) => jsonResponse(200, url.endsWith('/api/push/preferences')
        ? { approvalNeeded: true, question: true, runFinished: false, runFailed: true } : { items: [] }));
      render(<NotificationsPage />);
      expect(await screen.findByText('Todavía ningún dispositivo recibe notificaciones.')).toBeTruthy();
      expect(screen.getByRole('checkbox', { name: 'Una ejecución terminó' })).toBeTruthy();
    } finally {
      showLanguage('en');
    }
  });
});
