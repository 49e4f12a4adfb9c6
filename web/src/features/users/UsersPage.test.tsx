import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { showLanguage } from '../../i18n/current';
import { jsonResponse, routeFetch } from '../../test/fetch';
import type { User } from '../../api/types';
import { UsersPage } from './UsersPage';

const admin: User = { id: 'a', username: 'root', role: 'admin', disabled: false, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
  capabilities: ['bypassPermissions', 'terminal'] };
const bob: User = { id: 'b', username: 'bob', role: 'member', disabled: false, createdAt: '2026-01-02T00:00:00Z', updatedAt: '2026-01-02T00:00:00Z',
  capabilities: [] };

afterEach(() => vi.unstubAllGlobals());

describe('UsersPage capabilities', () => {
  it('shows what each account may do and lets an admin give a member the web shell', async () => {
    const patches: unknown[] = [];
    routeFetch((url, init) => {
      if (init?.method === 'PATCH') {
        const body = JSON.parse(String(init.body));
        patches.push(body);
        return jsonResponse(200, { ...bob, ...body });
      }
      if (url.endsWith('/api/users')) return jsonResponse(200, [admin, bob]);
      return jsonResponse(404, { error: { code: 'NOT_FOUND', message: 'no' } });
    });
    render(<UsersPage me={admin} />);
    const bobShell = await screen.findAllByRole('checkbox', { name: 'Web shell' });
    expect(bobShell.map((c) => (c as HTMLInputElement).checked)).toEqual([true, false]);
    expect(screen.getAllByRole('checkbox', { name: 'Bypass permissions' }).map((c) => (c as HTMLInputElement).checked))
      .toEqual([true, false]);
    fireEvent.click(bobShell[1]);
    await waitFor(() => expect(patches).toEqual([{ capabilities: ['terminal'] }]));
    await waitFor(() => expect((screen.getAllByRole('checkbox', { name: 'Web shell' })[1] as HTMLInputElement).checked).toBe(true));
  });

  it('names the capabilities and actions in German when German is shown', async () => {
    showLanguage('de');
    try {
      routeFetch(() => jsonResponse(200, [admin, bob]));
      render(<UsersPage me={admin} />);
      expect(await screen.findAllByRole('checkbox', { name: 'Web-Shell' })).toHaveLength(2);
      expect(screen.getByRole('button', { name: 'Benutzer bob löschen' })).toBeTruthy();
      expect(screen.getByRole('combobox', { name: 'Rolle von bob' })).toBeTruthy();
    } finally {
      showLanguage('en');
    }
  });
});
