import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../App';
import { jsonResponse, routeFetch } from '../../test/fetch';
import { fakeSystemTheme } from '../../test/matchMedia';
import { installFakeWebSocket } from '../../test/ws';

const member = {
  id: 'u2', username: 'olga', role: 'member', disabled: false, capabilities: [],
  createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
};
const html = () => document.documentElement.dataset.theme;

/** The server of one signed-in person whose preferences start as `saved`; `refuse` makes PUT fail. */
function server(saved: { theme: string; language: string | null }, refuse?: () => Response) {
  const puts: unknown[] = [];
  const fetchMock = routeFetch((url, init) => {
    if (url === '/api/auth/status') return jsonResponse(200, { setupRequired: false });
    if (url === '/api/auth/me') return jsonResponse(200, member);
    if (url === '/api/projects') return jsonResponse(200, []);
    if (url === '/api/me/preferences' && init?.method === 'PUT') {
      const patch = JSON.parse(String(init.body));
      puts.push(patch);
      if (refuse) return refuse();
      saved = { ...saved, ...patch };
      return jsonResponse(200, saved);
    }
    if (url === '/api/me/preferences') return jsonResponse(200, saved);
    return jsonResponse(404, { error: { code: 'NOT_FOUND', message: url } });
  });
  return { puts, fetchMock };
}

async function openThemeChoice(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: /open the user menu/ }));
  return screen.getByRole('group', { name: 'Theme' });
}

beforeEach(() => {
  installFakeWebSocket();
  window.localStorage.clear();
});
afterEach(() => vi.unstubAllGlobals());

describe('the theme choice in the user menu', () => {
  it('shows the theme the person saved on another browser as soon as they are signed in', async () => {
    fakeSystemTheme(false);
    server({ theme: 'dark', language: null });
    const user = userEvent.setup();
    render(<App />);

    await waitFor(() => expect(html()).toBe('dark'));
    await openThemeChoice(user);
    expect(screen.getByRole('menuitemradio', { name: 'Dark' }).getAttribute('aria-checked')).toBe('true');
    expect(screen.getByRole('menuitemradio', { name: 'System' }).getAttribute('aria-checked')).toBe('false');
    expect(window.localStorage.getItem('ccui.theme')).toBe('dark');
  });

  it('applies a choice at once, saves it for the person, and under System follows the device live', async () => {
    const system = fakeSystemTheme(true);
    const { puts } = server({ theme: 'system', language: null });
    const user = userEvent.setup();
    render(<App />);
    await openThemeChoice(user);
    await waitFor(() =>
      expect(screen.getByRole('menuitemradio', { name: 'System' }).getAttribute('aria-checked')).toBe('true'));
    expect(html()).toBe('dark');

    await user.click(screen.getByRole('menuitemradio', { name: 'Light' }));
    expect(html()).toBe('light');
    expect(screen.getByRole('menuitemradio', { name: 'Light' }).getAttribute('aria-checked')).toBe('true');
    await waitFor(() => expect(puts).toEqual([{ theme: 'light' }]));
    system.change(true);
    expect(html()).toBe('light');

    await user.click(screen.getByRole('menuitemradio', { name: 'System' }));
    expect(html()).toBe('dark');
    system.change(false);
    expect(html()).toBe('light');
    await waitFor(() => expect(puts).toEqual([{ theme: 'light' }, { theme: 'system' }]));
    expect(screen.getByRole('menu', { name: 'User menu' })).toBeTruthy();
  });

  it('keeps a choice the server refused on this page and says it was not saved', async () => {
    fakeSystemTheme(false);
    server({ theme: 'light', language: null }, () =>
      jsonResponse(503, { error: { code: 'MAINTENANCE', message: 'Back in ten minutes.', requestId: 'r' } }, { 'Retry-After': '60' }));
    const user = userEvent.setup();
    render(<App />);
    await openThemeChoice(user);

    await user.click(screen.getByRole('menuitemradio', { name: 'Dark' }));
    expect(html()).toBe('dark');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Shown here, but not saved for your other browsers: Back in ten minutes.');
    expect(screen.getByRole('menuitemradio', { name: 'Dark' }).getAttribute('aria-checked')).toBe('true');
  });
});
