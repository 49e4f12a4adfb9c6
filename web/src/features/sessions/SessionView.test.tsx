import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { jsonResponse, routeFetch } from '../../test/fetch';
import { bashAndDeniedWrite } from '../../test/messages';
import { installFakeWebSocket } from '../../test/ws';
import { ChatProvider } from '../chat/ChatContext';
import { LiveProvider } from '../live/LiveContext';
import { SessionView } from './SessionView';

const meta = {
  id: 'ac12bf22', projectId: 'p1', title: 'USE_BASH allow this one', messageCount: 8, models: ['claude-opus-5-5'],
  inputTokens: 27036, outputTokens: 36, costUsd: 0.41, hidden: false, gitBranch: 'HEAD',
};

beforeEach(() => {
  installFakeWebSocket();
  // jsdom has no layout: give the message list a viewport so the virtualiser renders rows.
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(800);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800);
});
afterEach(() => vi.unstubAllGlobals());

describe('SessionView', () => {
  it('shows the header facts, the newest messages, export links, and renames inline', async () => {
    const fetchMock = routeFetch((url, init) => {
      if (url === '/api/sessions/ac12bf22' && init?.method === 'PATCH') return jsonResponse(200, { ...meta, title: 'Bash demo' });
      if (url === '/api/sessions/ac12bf22') return jsonResponse(200, meta);
      if (url.startsWith('/api/sessions/ac12bf22/messages')) return jsonResponse(200, { items: bashAndDeniedWrite(), nextBefore: null });
      return jsonResponse(404, { error: { code: 'NOT_FOUND', message: url } });
    });
    render(<LiveProvider><ChatProvider><SessionView sessionId="ac12bf22" projectId="p1" /></ChatProvider></LiveProvider>);

    expect(await screen.findByRole('heading', { name: 'USE_BASH allow this one' })).toBeTruthy();
    expect(within(screen.getByLabelText('Models')).getByText('claude-opus-5-5')).toBeTruthy();
    expect(screen.getByText('$0.41')).toBeTruthy();
    expect(screen.getByTitle('Input tokens / output tokens').textContent).toBe('Tokens in ↑27K out ↓36');
    expect(screen.getByRole('link', { name: 'Export Markdown' }).getAttribute('href')).toBe('/api/sessions/ac12bf22/export?format=markdown');
    expect(screen.getByRole('link', { name: 'Export JSON' }).getAttribute('href')).toBe('/api/sessions/ac12bf22/export?format=json');
    expect(String(fetchMock.mock.calls.find((c) => String(c[0]).includes('/messages'))![0])).toBe('/api/sessions/ac12bf22/messages?limit=100');
    const feed = await screen.findByRole('feed', { name: 'Messages' });
    expect(within(feed).getByText('USE_BASH allow this one')).toBeTruthy();
    expect(within(feed).getByRole('region', { name: 'Tool call Bash' })).toBeTruthy();
    expect(within(feed).getByText('Denied by the web UI user')).toBeTruthy();
    // one article per shown message; tool results live inside their cards
    expect(within(feed).getAllByRole('article')).toHaveLength(6);

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Rename the session' }));
    const input = screen.getByLabelText('Session title');
    await user.clear(input);
    await user.type(input, 'Bash demo{Enter}');
    expect(await screen.findByRole('heading', { name: 'Bash demo' })).toBeTruthy();
    const patch = fetchMock.mock.calls.find((c) => c[1]?.method === 'PATCH')!;
    expect(JSON.parse(String(patch[1]?.body))).toEqual({ title: 'Bash demo' });
  });
});
