import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LoginForm } from './LoginForm';
import { showLanguage } from '../../i18n/current';
import { jsonResponse, mockFetch } from '../../test/fetch';

afterEach(() => vi.unstubAllGlobals());

async function signIn(username: string, password: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Username'), username);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('LoginForm', () => {
  it("shows the server's error message on 401", async () => {
    const fetchMock = mockFetch(
      jsonResponse(401, { error: { code: 'BAD_CREDENTIALS', message: 'Unknown user or bad password', requestId: 'x' } }),
    );
    const onSignedIn = vi.fn();
    render(<LoginForm onSignedIn={onSignedIn} />);

    await signIn('alice', 'not-the-password');

    expect((await screen.findByRole('alert')).textContent).toBe('Unknown user or bad password');
    expect(onSignedIn).not.toHaveBeenCalled();
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('shows "Wrong username or password" when the 401 has no message', async () => {
    mockFetch(new Response(null, { status: 401 }));
    render(<LoginForm onSignedIn={vi.fn()} />);
    await signIn('alice', 'x');
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong username or password');
  });

  it('says a disabled account is disabled (the server says so only to the right password)', async () => {
    mockFetch(jsonResponse(403, { error: { code: 'ACCOUNT_DISABLED', message: 'this account is disabled', requestId: 'x' } }));
    render(<LoginForm onSignedIn={vi.fn()} />);
    await signIn('carol', 'carol password 1');
    expect((await screen.findByRole('alert')).textContent).toBe('This account is disabled. Ask an admin to enable it again.');
  });

  it('tells how long to wait on 429 using Retry-After', async () => {
    mockFetch(jsonResponse(429, { error: { code: 'RATE_LIMITED', message: 'Too many', requestId: 'x' } }, { 'Retry-After': '30' }));
    render(<LoginForm onSignedIn={vi.fn()} />);
    await signIn('alice', 'x');
    expect((await screen.findByRole('alert')).textContent).toBe('Too many attempts, try again in 30 s');
    expect(screen.getByRole('button', { name: 'Sign in' })).toHaveProperty('disabled', true);
  });

  it('signs in with the returned user', async () => {
    const user = { id: 'u1', username: 'alice', role: 'admin', disabled: false, createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z' };
    mockFetch(jsonResponse(200, { token: 't', expiresAt: '2025-01-08T00:00:00Z', user }));
    const onSignedIn = vi.fn();
    render(<LoginForm onSignedIn={onSignedIn} />);
    await signIn('alice', 'correct horse');
    await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(user));
  });

  it('asks in German when German is shown, and says so when a field is empty', async () => {
    showLanguage('de');
    try {
      render(<LoginForm onSignedIn={() => undefined} />);
      expect(screen.getByRole('heading', { name: 'Bei Claude Code UI anmelden' })).toBeTruthy();
      expect(screen.getByLabelText('Benutzername')).toBeTruthy();
      await userEvent.setup().click(screen.getByRole('button', { name: 'Anmelden' }));
      expect(screen.getByRole('alert').textContent).toBe('Gib deinen Benutzernamen und dein Passwort ein.');
    } finally {
      showLanguage('en');
    }
  });
});
