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
    const user = userEvent.setup();
    // export, hide and system messages wait in a menu, out of the conversation's way
    expect(screen.queryByRole('link', { name: 'Export Markdown' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'More actions for this session' }));
    const menu = screen.getByRole('menu', { name: 'Session actions' });
    expect(within(menu).getByRole('menuitem', { name: 'Export Markdown' }).getAttribute('href')).toBe('/api/sessions/ac12bf22/export?format=markdown');
    expect(within(menu).getByRole('menuitem', { name: 'Export JSON' }).getAttribute('href')).toBe('/api/sessions/ac12bf22/export?format=json');
    // "continue in shell": the project's terminal with claude --resume on this session
    expect(within(menu).getByRole('menuitem', { name: 'Continue in shell' }).getAttribute('href')).toMatch(/\/terminal\?resume=ac12bf22$/);
    expect(within(menu).getByRole('menuitemcheckbox', { name: 'Show system messages' }).getAttribute('aria-checked')).toBe('false');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(String(fetchMock.mock.calls.find((c) => String(c[0]).includes('/messages'))![0])).toBe('/api/sessions/ac12bf22/messages?limit=50');
    const feed = await screen.findByRole('feed', { name: 'Messages' });
    expect(within(feed).getByText('USE_BASH allow this one')).toBeTruthy();
    expect(within(feed).getByRole('region', { name: 'Tool call Bash' })).toBeTruthy();
    expect(within(feed).getByText('Denied by the web UI user')).toBeTruthy();
    // one article per shown message; tool results live inside their cards
    expect(within(feed).getAllByRole('article')).toHaveLength(6);

    await user.click(screen.getByRole('button', { name: 'Rename the session' }));
    const input = screen.getByLabelText('Session title');
    await user.clear(input);
    await user.type(input, 'Bash demo{Enter}');
    expect(await screen.findByRole('heading', { name: 'Bash demo' })).toBeTruthy();
    const patch = fetchMock.mock.calls.find((c) => c[1]?.method === 'PATCH')!;
    expect(JSON.parse(String(patch[1]?.body))).toEqual({ title: 'Bash demo' });
  });

  it('opens at the newest match of a search, outlined, and moves to the previous one', async () => {
    const page = bashAndDeniedWrite();
    const [first, , , , , write] = page;
    const fetchMock = routeFetch((url) => {
      if (url === '/api/sessions/ac12bf22') return jsonResponse(200, meta);
      if (url === '/api/sessions/ac12bf22/matches?q=use') return jsonResponse(200, { items: [first.seq, write.seq], truncated: false });
      if (url.startsWith('/api/sessions/ac12bf22/messages')) return jsonResponse(200, { items: page, nextBefore: null, nextAfter: null });
      return jsonResponse(404, { error: { code: 'NOT_FOUND', message: url } });
    });
    render(<LiveProvider><ChatProvider><SessionView sessionId="ac12bf22" projectId="p1" query="use" /></ChatProvider></LiveProvider>);

    const bar = await screen.findByRole('search', { name: 'Matches in this session' });
    await vi.waitFor(() => expect(bar.textContent).toContain('“use”: match 2 of 2'));
    const calls = fetchMock.mock.calls.map((c) => String(c[0]));
    expect(calls).toContain(`/api/sessions/ac12bf22/messages?limit=100&around=${write.seq}`);
    expect(calls).not.toContain('/api/sessions/ac12bf22/messages?limit=50');
    const feed = await screen.findByRole('feed', { name: 'Messages' });
    await vi.waitFor(() => expect(feed.querySelector('.is-current-match')?.getAttribute('data-seq')).toBe(String(write.seq)));

    const user = userEvent.setup();
    await user.click(within(bar).getByRole('button', { name: /Previous match/ }));
    expect(bar.textContent).toContain('match 1 of 2');
    await vi.waitFor(() => expect(feed.querySelector('.is-current-match')?.getAttribute('data-seq')).toBe(String(first.seq)));
    expect((within(bar).getByRole('button', { name: /Previous match/ }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('jumps to the start of a long session with Home, and the keyboard is in the conversation once it opens', async () => {
    const page = bashAndDeniedWrite();
    const fetchMock = routeFetch((url) => {
      if (url === '/api/sessions/ac12bf22') return jsonResponse(200, { ...meta, costUsd: 0 });
      if (url.startsWith('/api/sessions/ac12bf22/messages?limit=100&after=-1')) return jsonResponse(200, { items: page.slice(0, 2), nextBefore: null, nextAfter: page[1].seq });
      if (url.startsWith('/api/sessions/ac12bf22/messages')) return jsonResponse(200, { items: page.slice(4), nextBefore: page[4].seq, nextAfter: null });
      return jsonResponse(404, { error: { code: 'NOT_FOUND', message: url } });
    });
    render(<LiveProvider><ChatProvider><SessionView sessionId="ac12bf22" projectId="p1" /></ChatProvider></LiveProvider>);
    const feed = await screen.findByRole('feed', { name: 'Messages' });
    await vi.waitFor(() => expect(document.activeElement).toBe(feed));
    // a cost the transcript does not record is unknown, not $0.00
    expect(screen.getByTitle('Cost unknown: the transcript records none').textContent).toBe('Cost —');

    const user = userEvent.setup();
    await user.keyboard('{Home}');
    await vi.waitFor(() => expect(fetchMock.mock.calls.map((c) => String(c[0]))).toContain('/api/sessions/ac12bf22/messages?limit=100&after=-1'));
    expect(await within(feed).findByText('USE_BASH allow this one')).toBeTruthy();
  });

  it('says once that a session does not exist, without a composer to type into', async () => {
    routeFetch(() => jsonResponse(404, { error: { code: 'NOT_FOUND', message: 'no such session' } }));
    render(<LiveProvider><ChatProvider><SessionView sessionId="nope" projectId="p1" /></ChatProvider></LiveProvider>);
    expect(await screen.findByRole('heading', { name: 'Session not found' })).toBeTruthy();
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(screen.queryByRole('textbox', { name: 'Message Claude' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Back to the project' }).getAttribute('href')).toBe('#/p/p1');
  });
});
