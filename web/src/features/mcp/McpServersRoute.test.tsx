import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../App';
import { jsonResponse, routeFetch } from '../../test/fetch';
import { installFakeWebSocket } from '../../test/ws';

beforeEach(() => installFakeWebSocket());
afterEach(() => {
  vi.unstubAllGlobals();
  window.location.hash = '';
});

const member = { id: 'u2', username: 'bob', role: 'member', disabled: false, createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z' };
const alpha = {
  id: 'p1', name: 'alpha', path: '/work/alpha', starred: false, archived: false, discovered: false, sessionCount: 0,
  lastActivityAt: null,
};

describe('the MCP servers screen', () => {
  it('opens from the project menu', async () => {
    routeFetch((url) => {
      if (url === '/api/auth/status') return jsonResponse(200, { setupRequired: false });
      if (url === '/api/auth/me') return jsonResponse(200, member);
      if (url === '/api/projects') return jsonResponse(200, [alpha]);
      if (url === '/api/projects/p1/mcp-servers') return jsonResponse(200, { items: [] });
      if (url.startsWith('/api/projects/p1/sessions')) return jsonResponse(200, { items: [], nextCursor: null });
      return jsonResponse(404, { error: { code: 'NOT_FOUND', message: url } });
    });
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'More actions for alpha' }));
    await user.click(screen.getByRole('link', { name: 'MCP servers' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'MCP servers' })).toBeTruthy();
    expect(window.location.hash).toBe('#/p/p1/mcp');
    expect(await screen.findByText('No MCP servers yet.')).toBeTruthy();
    expect(screen.getByRole('link', { name: /^alpha/, current: 'page' })).toBeTruthy();
  });
});
