import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from './App';
import { jsonResponse, mockFetch, routeFetch } from './test/fetch';
import { installFakeWebSocket } from './test/ws';

beforeEach(() => installFakeWebSocket());
afterEach(() => {
  vi.unstubAllGlobals();
  window.location.hash = '';
});

const admin = { id: 'u1', username: 'alice', role: 'admin', disabled: false, createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z' };
const project = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  id, name, path: `/work/${name}`, starred: false, archived: false, discovered: true, sessionCount: 2,
  lastActivityAt: '2026-11-27T18:40:08Z', ...extra,
});

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

  it('says "signed out" when a request still in flight at sign-out answers 401 afterwards', async () => {
    let answerLate: (r: Response) => void = () => {};
    const projectsAsked = new Promise<void>((asked) => {
      routeFetch((url) => {
        if (url === '/api/auth/status') return jsonResponse(200, { setupRequired: false });
        if (url === '/api/auth/me') return jsonResponse(200, admin);
        if (url === '/api/auth/logout') return new Response(null, { status: 204 });
        if (url === '/api/projects') {
          asked();
          return new Promise<Response>((resolve) => { answerLate = resolve; });
        }
        return jsonResponse(404, { error: { code: 'NOT_FOUND', message: url } });
      });
    });
    const user = userEvent.setup();
    render(<App />);
    // The project list is still on its way when the person signs out.
    await projectsAsked;
    await user.click(await screen.findByRole('button', { name: /open the user menu/ }));
    await user.click(screen.getByRole('menuitem', { name: 'Sign out' }));
    expect(await screen.findByText('You are signed out.')).toBeTruthy();

    await act(async () => answerLate(jsonResponse(401, { error: { code: 'UNAUTHENTICATED', message: 'Sign in', requestId: 'r' } })));
    expect(screen.getByText('You are signed out.')).toBeTruthy();
    expect(screen.queryByText('Your session has ended. Sign in again.')).toBeNull();
  });

  it('shows the projects sidebar and admin pages when signed in, and a new API key secret once', async () => {
    let keys: unknown[] = [];
    routeFetch((url, init) => {
      if (url === '/api/auth/status') return jsonResponse(200, { setupRequired: false });
      if (url === '/api/auth/me') return jsonResponse(200, admin);
      if (url === '/api/projects') return jsonResponse(200, []);
      if (url === '/api/api-keys' && init?.method === 'POST') {
        keys = [{ id: 'k1', name: 'ci', prefix: 'ccui_ab', createdAt: '2025-01-02T00:00:00Z', lastUsedAt: null }];
        return jsonResponse(201, { id: 'k1', name: 'ci', prefix: 'ccui_ab', secret: 'ccui_ab_secret', createdAt: '2025-01-02T00:00:00Z' });
      }
      if (url === '/api/api-keys') return jsonResponse(200, keys);
      return jsonResponse(404, { error: { code: 'NOT_FOUND', message: url } });
    });
    const user = userEvent.setup();
    render(<App />);

    expect(await screen.findByText(/No projects yet/)).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Welcome' })).toBeTruthy();
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

  it('filters, stars, archives and adds projects, showing server errors', async () => {
    let projects = [project('p1', 'alpha', { starred: true }), project('p2', 'beta'), project('p3', 'gamma', { archived: true })];
    const fetchMock = routeFetch((url, init) => {
      if (url === '/api/auth/status') return jsonResponse(200, { setupRequired: false });
      if (url === '/api/auth/me') return jsonResponse(200, admin);
      if (url === '/api/projects' && init?.method === 'POST') {
        return jsonResponse(403, { error: { code: 'FORBIDDEN', message: 'The path is outside the workspaces root', requestId: 'r' } });
      }
      if (url === '/api/projects') return jsonResponse(200, projects);
      const m = /^\/api\/projects\/(p\d)$/.exec(url);
      if (m && init?.method === 'PATCH') {
        projects = projects.map((p) => (p.id === m[1] ? { ...p, ...JSON.parse(String(init.body)) } : p));
        return jsonResponse(200, projects.find((p) => p.id === m[1]));
      }
      return jsonResponse(404, { error: { code: 'NOT_FOUND', message: url } });
    });
    const user = userEvent.setup();
    render(<App />);

    const list = await screen.findByRole('list', { name: 'Projects' });
    await within(list).findByText('alpha');
    expect(within(list).getAllByRole('link').map((a) => a.textContent)).toEqual(['alpha2', 'beta2']);
    expect(screen.getByText('Archived (1)').closest('details')?.open).toBe(false);

    await user.type(screen.getByLabelText('Filter projects'), 'bet');
    expect(within(list).getAllByRole('link').map((a) => a.textContent)).toEqual(['beta2']);
    await user.clear(screen.getByLabelText('Filter projects'));

    await user.click(screen.getByRole('button', { name: 'Star beta' }));
    expect(screen.getByRole('button', { name: 'Star beta' }).getAttribute('aria-pressed')).toBe('true');
    const patch = fetchMock.mock.calls.find((c) => c[1]?.method === 'PATCH')!;
    expect(patch[0]).toBe('/api/projects/p2');
    expect(JSON.parse(String(patch[1]?.body))).toEqual({ starred: true });

    await user.click(screen.getByRole('button', { name: 'More actions for alpha' }));
    await user.click(screen.getByRole('button', { name: 'Archive' }));
    expect(await screen.findByText('Archived (2)')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Add project' }));
    await user.type(screen.getByLabelText('Folder path'), '/etc');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The path is outside the workspaces root');
  });

  it('focuses the search with / and opens a hit', async () => {
    routeFetch((url) => {
      if (url === '/api/auth/status') return jsonResponse(200, { setupRequired: false });
      if (url === '/api/auth/me') return jsonResponse(200, admin);
      if (url === '/api/projects') return jsonResponse(200, [project('p1', 'alpha')]);
      if (url.startsWith('/api/search?')) {
        return jsonResponse(200, { items: [{ sessionId: 's9', projectId: 'p1', title: 'Fix login', snippet: 'the <mark>token</mark> &lt;expired&gt;', lastActivityAt: null }] });
      }
      if (url.startsWith('/api/projects/p1/sessions')) return jsonResponse(200, { items: [], nextCursor: null });
      return jsonResponse(404, { error: { code: 'NOT_FOUND', message: url } });
    });
    const user = userEvent.setup();
    render(<App />);
    await screen.findByRole('list', { name: 'Projects' });

    await user.keyboard('/');
    const input = screen.getByLabelText('Search all sessions');
    expect(document.activeElement).toBe(input);
    await user.keyboard('token');
    const hit = await screen.findByRole('link', { name: /Fix login/ });
    expect(within(hit).getByText('token').tagName).toBe('MARK');
    expect(hit.textContent).toContain('<expired>');
    await user.click(hit);
    // the session opens at its match of the search
    expect(window.location.hash).toBe('#/p/p1/s/s9?q=token');
  });
});
