import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from './App';
import { jsonResponse, mockFetch } from './test/fetch';

afterEach(() => {
  vi.unstubAllGlobals();
  window.location.hash = '';
});

const admin = { id: 'u1', username: 'alice', role: 'admin', disabled: false, createdAt: '2025-01-01T00:00:00Z' };

describe('App', () => {
  it('asks for the first admin when setup is required', async () => {
    mockFetch(jsonResponse(200, { setupRequired: true }));
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Create the first admin' })).toBeTruthy();
  });

  it('shows the login form when /auth/me answers 401', async () => {
    mockFetch(jsonResponse(200, { setupRequired: false }), jsonResponse(401, { error: { code: 'UNAUTHENTICATED', message: 'Sign in', requestId: 'r' } }));
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Sign in to Claude Code UI' })).toBeTruthy();
  });

  it('shows the projects placeholder and admin pages when signed in, and a new API key secret once', async () => {
    mockFetch(
      jsonResponse(200, { setupRequired: false }),
      jsonResponse(200, admin),
      jsonResponse(200, []),
      jsonResponse(201, { id: 'k1', name: 'ci', prefix: 'ccui_ab', secret: 'ccui_ab_secret', createdAt: '2025-01-02T00:00:00Z' }),
      jsonResponse(200, [{ id: 'k1', name: 'ci', prefix: 'ccui_ab', createdAt: '2025-01-02T00:00:00Z', lastUsedAt: null }]),
    );
    const user = userEvent.setup();
    render(<App />);

    expect(await screen.findByText('Projects will appear here.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Users' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Audit log' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: /open the user menu/ }));
    await user.click(screen.getByRole('menuitem', { name: 'API keys' }));
    expect(await screen.findByText('No API keys yet.')).toBeTruthy();

    await user.type(screen.getByLabelText('Name of the new key'), 'ci');
    await user.click(screen.getByRole('button', { name: 'Create key' }));
    expect(((await screen.findByLabelText('New API key secret')) as HTMLInputElement).value).toBe('ccui_ab_secret');
    expect(await screen.findByRole('button', { name: 'Delete key ci' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByLabelText('New API key secret')).toBeNull();
  });
});
