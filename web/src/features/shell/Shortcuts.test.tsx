import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, routeFetch } from '../../test/fetch';
import { installFakeWebSocket } from '../../test/ws';
import { Shell } from './Shell';

const user = { id: 'u1', username: 'alice', role: 'member' as const, disabled: false, createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z' };
const project = { id: 'p1', name: 'demo', path: '/work/demo', starred: false, archived: false, discovered: false, sessionCount: 0 };

beforeEach(() => {
  installFakeWebSocket();
  routeFetch((url) => {
    if (url === '/api/projects') return jsonResponse(200, [project]);
    if (url.startsWith('/api/projects/p1/sessions')) return jsonResponse(200, { items: [], nextCursor: null });
    return jsonResponse(200, { items: [] });
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  window.location.hash = '';
});

describe('project page and shortcuts', () => {
  it('opens a new session from the button and from Alt+N, and lists the shortcuts on "?"', async () => {
    window.location.hash = '#/p/p1';
    render(<Shell user={user} onSignOut={() => undefined} />);
    const u = userEvent.setup();
    await u.click(await screen.findByRole('button', { name: 'New session' }));
    expect(window.location.hash).toBe('#/p/p1/new');
    // the chat is a lazy chunk: on a busy machine it takes more than the default second to load
    expect(await screen.findByRole('heading', { name: 'New session' }, { timeout: 10_000 })).toBeTruthy();
    await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Message Claude' })));

    act(() => { window.location.hash = '#/p/p1'; window.dispatchEvent(new HashChangeEvent('hashchange')); });
    await screen.findByRole('button', { name: 'New session' });
    await u.keyboard('{Alt>}n{/Alt}');
    expect(window.location.hash).toBe('#/p/p1/new');

    (document.activeElement as HTMLElement).blur();
    await u.keyboard('?');
    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(help).getByText('New session in the current project')).toBeTruthy();
    await u.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  }, 20_000);

  it('keeps focus inside the shortcuts dialog, and Alt+↓ opens the next session of the list', async () => {
    routeFetch((url) => {
      if (url === '/api/projects') return jsonResponse(200, [project]);
      if (url.startsWith('/api/projects/p1/sessions')) {
        return jsonResponse(200, { items: [
          { id: 's1', projectId: 'p1', title: 'First', messageCount: 2, models: [], inputTokens: 0, outputTokens: 0, costUsd: 0, hidden: false },
          { id: 's2', projectId: 'p1', title: 'Second', messageCount: 2, models: [], inputTokens: 0, outputTokens: 0, costUsd: 0, hidden: false },
        ], nextCursor: null });
      }
      return jsonResponse(200, { items: [] });
    });
    window.location.hash = '#/p/p1';
    render(<Shell user={user} onSignOut={() => undefined} />);
    const u = userEvent.setup();
    await screen.findAllByRole('link', { name: /First/ });

    await u.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }));
    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    const close = within(help).getByRole('button', { name: 'Close' });
    expect(document.activeElement).toBe(close);
    await u.tab();
    expect(document.activeElement).toBe(close);
    await u.tab({ shift: true });
    expect(help.contains(document.activeElement)).toBe(true);
    expect(within(help).getByText('Allow the tool call waiting for approval in this chat')).toBeTruthy();
    await u.keyboard('{Escape}');

    await u.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(window.location.hash).toBe('#/p/p1/s/s1');
  });
});
