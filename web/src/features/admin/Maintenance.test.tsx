import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MaintenanceBanner } from './MaintenanceBanner';
import { MaintenancePanel } from './MaintenancePanel';
import { addProject } from '../../api/client';
import { reportIfMaintenance } from '../../api/maintenance';
import { showLanguage } from '../../i18n/current';
import { jsonResponse, routeFetch } from '../../test/fetch';

afterEach(() => vi.unstubAllGlobals());

const health = (enabled: boolean) =>
  jsonResponse(200, { status: 'up', version: 't', uptimeSeconds: 1, checks: {}, maintenance: { enabled, since: enabled ? '2026-11-27T10:00:00Z' : null } });

describe('MaintenanceBanner', () => {
  it('stays hidden while health says maintenance is off', async () => {
    const fetchMock = routeFetch(() => health(false));
    render(<MaintenanceBanner />);
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalled());
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('appears when health says maintenance is on', async () => {
    routeFetch(() => health(true));
    render(<MaintenanceBanner />);
    expect((await screen.findByRole('status')).textContent).toContain('changes are paused');
  });

  it("shows the admin's message as soon as a request is refused with 503 MAINTENANCE", async () => {
    routeFetch((url) => (url === '/api/health' ? health(false) :
      jsonResponse(503, { error: { code: 'MAINTENANCE', message: 'moving to a bigger disk', requestId: 'r' } }, { 'Retry-After': '120' })));
    render(<MaintenanceBanner pollMs={60_000} />);
    await act(async () => {
      // No screen reports it: the client tells the banner of every refusal by itself.
      await expect(addProject('/work/app')).rejects.toMatchObject({ status: 503, code: 'MAINTENANCE' });
    });
    const banner = await screen.findByRole('status');
    expect(banner.textContent).toContain('moving to a bigger disk');
    expect(banner.textContent).toContain('2 min');
  });

  it('ignores other errors', () => {
    expect(reportIfMaintenance(new Error('boom'))).toBe(false);
  });
});

describe('MaintenancePanel', () => {
  it('turns maintenance on with a message and shows who set it', async () => {
    const bodies: unknown[] = [];
    routeFetch((_url, init) => {
      if (init?.method === 'PUT') {
        bodies.push(JSON.parse(String(init.body)));
        return jsonResponse(200, { enabled: true, message: 'db upgrade', since: '2026-11-27T10:00:00Z', by: 'root' });
      }
      return jsonResponse(200, { enabled: false, message: null, since: null, by: null });
    });
    render(<MaintenancePanel />);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Message shown to people (optional)'), 'db upgrade');
    await user.click(screen.getByRole('button', { name: 'Start maintenance' }));

    expect(bodies).toEqual([{ enabled: true, message: 'db upgrade' }]);
    expect(await screen.findByRole('button', { name: 'End maintenance' })).toBeTruthy();
    expect(screen.getByText(/set by root/)).toBeTruthy();
  });

  it('shows the refusal of a non-admin', async () => {
    routeFetch(() => jsonResponse(403, { error: { code: 'FORBIDDEN', message: 'admins only', requestId: 'r' } }));
    render(<MaintenancePanel />);
    expect((await screen.findByRole('alert')).textContent).toBe('admins only');
  });

  it('speaks Spanish when Spanish is shown', async () => {
    showLanguage('es');
    try {
      routeFetch(() => jsonResponse(200, { enabled: false, message: null, since: null, by: null }));
      render(<MaintenancePanel />);
      expect(await screen.findByRole('button', { name: 'Iniciar el mantenimiento' })).toBeTruthy();
      expect(screen.getByLabelText('Mensaje que verán los demás (opcional)')).toBeTruthy();
    } finally {
      showLanguage('en');
    }
  });
});
