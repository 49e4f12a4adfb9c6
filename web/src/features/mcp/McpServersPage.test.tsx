import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { showLanguage } from '../../i18n/current';
import { jsonResponse, routeFetch } from '../../test/fetch';
import type { McpServer } from '../../api/mcp';
import { mcpHref, parseRoute } from '../shell/route';
import { McpServersPage } from './McpServersPage';

afterEach(() => vi.unstubAllGlobals());

const BASE = '/api/projects/p1/mcp-servers';

const stdio: McpServer = {
  name: 'echo', scope: 'local', transport: 'stdio', command: 'node', args: ['echo-server.js', '--quiet'],
  envNames: ['API_TOKEN'], url: null, headerNames: [], status: 'connected', statusText: '✓ Connected', issue: null,
};
const remote: McpServer = {
  name: 'docs', scope: 'project', transport: 'http', command: null, args: [], envNames: [],
  url: 'https://mcp.example.com/mcp', headerNames: ['Authorization'], status: 'needs_auth',
  statusText: '! Needs authentication', issue: null,
};

type Call = { method: string; url: string; body?: unknown };

/** The server: GET lists `servers`, POST adds (or answers `postError`), DELETE removes (or answers `deleteError`). */
function serve(servers: McpServer[], opts: { postError?: Response; deleteError?: Response } = {}) {
  const calls: Call[] = [];
  routeFetch((url, init) => {
    const method = init?.method ?? 'GET';
    const body = init?.body ? JSON.parse(String(init.body)) as Record<string, unknown> : undefined;
    calls.push({ method, url, body });
    if (method === 'GET' && url === BASE) return jsonResponse(200, { items: servers });
    if (method === 'POST' && url === BASE) {
      if (opts.postError) return opts.postError;
      const b = body as { name: string; scope?: string; transport?: string; command?: string; url?: string; headers?: Record<string, string> };
      servers = [...servers, {
        name: b.name, scope: (b.scope ?? 'local') as McpServer['scope'], transport: b.transport ?? 'stdio',
        command: b.command ?? null, args: [], envNames: [], url: b.url ?? null,
        headerNames: Object.keys(b.headers ?? {}), status: 'failed', statusText: '✗ Failed to connect', issue: null,
      }];
      return jsonResponse(201, { name: b.name, scope: b.scope ?? 'local', transport: b.transport ?? 'stdio' });
    }
    if (method === 'DELETE') {
      if (opts.deleteError) return opts.deleteError;
      const name = decodeURIComponent(url.slice(BASE.length + 1).split('?')[0]);
      servers = servers.filter((s) => s.name !== name);
      return new Response(null, { status: 204 });
    }
    return jsonResponse(404, { error: { code: 'NOT_FOUND', message: url } });
  });
  return calls;
}

const list = () => screen.findByRole('list', { name: 'MCP servers of App' });

describe('McpServersPage', () => {
  it('is the route #/p/{id}/mcp', () => {
    expect(mcpHref('a b')).toBe('#/p/a%20b/mcp');
    expect(parseRoute(mcpHref('a b'))).toEqual({ page: 'mcp', projectId: 'a b' });
  });

  it('lists each server with its scope, transport, command or URL, status in words and only the names of env and headers', async () => {
    serve([stdio, remote]);
    render(<McpServersPage projectId="p1" projectName="App" />);
    expect(screen.getByRole('status').textContent).toContain('Checking servers…');
    const servers = within(await list()).getAllByRole('listitem');
    expect(servers).toHaveLength(2);
    const [echo, docs] = servers;
    expect(within(echo).getByRole('heading', { name: 'echo' })).toBeTruthy();
    expect(echo.textContent).toContain('Connected');
    expect(echo.textContent).toContain('local');
    expect(echo.textContent).toContain('stdio');
    expect(within(echo).getByText('node echo-server.js --quiet')).toBeTruthy();
    expect(within(echo).getByText('API_TOKEN')).toBeTruthy();
    expect(within(docs).getByText('Needs sign-in')).toBeTruthy();
    expect(within(docs).getByText('https://mcp.example.com/mcp')).toBeTruthy();
    expect(within(docs).getByText('Authorization')).toBeTruthy();
    expect(docs.textContent).toContain('project');
    expect(docs.textContent).toContain('(values hidden)');
    await waitFor(() => expect(screen.queryByText(/Checking servers/)).toBeNull());
  });

  it('adds a stdio server with args and env, sends the secret once and clears it', async () => {
    const calls = serve([]);
    const user = userEvent.setup();
    render(<McpServersPage projectId="p1" projectName="App" />);
    expect(await screen.findByText('No MCP servers yet.')).toBeTruthy();
    const form = screen.getByRole('form', { name: 'Add an MCP server' });
    await user.type(within(form).getByLabelText('Name'), 'tools');
    await user.click(within(form).getByRole('radio', { name: /^user/ }));
    await user.type(within(form).getByLabelText('Command'), 'node');
    await user.type(within(form).getByLabelText('Arguments (one per line)'), 'server.js{Enter}--port{Enter}{Enter}7000');
    await user.click(within(form).getByRole('button', { name: 'Add variable' }));
    await user.type(within(form).getByLabelText('Name of variable 1'), 'API_TOKEN');
    const secret = within(form).getByLabelText('Value of variable 1');
    expect(secret.getAttribute('type')).toBe('password');
    await user.type(secret, 's3cret-value');
    await user.click(within(form).getByRole('button', { name: 'Add server' }));

    expect((await screen.findByText('Added “tools” (user scope).')).getAttribute('role')).toBe('status');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      name: 'tools', scope: 'user', transport: 'stdio', command: 'node', args: ['server.js', '--port', '7000'],
      env: { API_TOKEN: 's3cret-value' },
    });
    // Listed after a fresh check; nothing typed is left in the form, the secret least of all.
    await within(await list()).findByRole('heading', { name: 'tools' });
    expect(calls.filter((c) => c.method === 'GET')).toHaveLength(2);
    expect((within(form).getByLabelText('Name') as HTMLInputElement).value).toBe('');
    expect(within(form).queryByLabelText('Value of variable 1')).toBeNull();
    expect(document.body.innerHTML).not.toContain('s3cret-value');
  });

  it('adds an HTTP server with a header, and a header value never appears on the page', async () => {
    const calls = serve([remote]);
    const user = userEvent.setup();
    render(<McpServersPage projectId="p1" projectName="App" />);
    await list();
    const form = screen.getByRole('form', { name: 'Add an MCP server' });
    await user.type(within(form).getByLabelText('Name'), 'remote');
    await user.selectOptions(within(form).getByLabelText('Transport'), 'http');
    expect(within(form).queryByLabelText('Command')).toBeNull();
    await user.type(within(form).getByLabelText('URL'), 'https://api.example.com/mcp');
    await user.click(within(form).getByRole('button', { name: 'Add header' }));
    await user.type(within(form).getByLabelText('Name of header 1'), 'X-Api-Key');
    await user.type(within(form).getByLabelText('Value of header 1'), 'header-secret-77c2d0');
    await user.click(within(form).getByRole('button', { name: 'Add server' }));

    await within(await list()).findByRole('heading', { name: 'remote' });
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      name: 'remote', scope: 'local', transport: 'http', url: 'https://api.example.com/mcp',
      headers: { 'X-Api-Key': 'header-secret-77c2d0' },
    });
    expect(within(await list()).getByText('X-Api-Key')).toBeTruthy();
    expect(within(form).queryByLabelText('Value of header 1')).toBeNull();
    expect(document.body.innerHTML).not.toContain('header-secret-77c2d0');
    expect((within(form).getByLabelText('Transport') as HTMLSelectElement).value).toBe('http');
  });

  it('checks the name and the URL scheme before asking, and shows the server’s own message for a 4xx', async () => {
    const calls = serve([], {
      postError: jsonResponse(409, { error: { code: 'MCP_SERVER_EXISTS', message: 'the local scope has a server named tools already' } }),
    });
    const user = userEvent.setup();
    render(<McpServersPage projectId="p1" projectName="App" />);
    await screen.findByText('No MCP servers yet.');
    const form = screen.getByRole('form', { name: 'Add an MCP server' });
    await user.type(within(form).getByLabelText('Name'), '-bad name');
    await user.click(within(form).getByRole('button', { name: 'Add server' }));
    expect((await within(form).findByRole('alert')).textContent).toContain('starting with a letter or digit');
    expect(within(form).getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');

    await user.clear(within(form).getByLabelText('Name'));
    await user.type(within(form).getByLabelText('Name'), 'tools');
    await user.selectOptions(within(form).getByLabelText('Transport'), 'sse');
    await user.type(within(form).getByLabelText('URL'), 'ftp://example.com/');
    await user.click(within(form).getByRole('button', { name: 'Add server' }));
    expect((await within(form).findByRole('alert')).textContent).toContain('http:// or https://');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    await user.clear(within(form).getByLabelText('URL'));
    await user.type(within(form).getByLabelText('URL'), 'https://example.com/sse');
    await user.click(within(form).getByRole('button', { name: 'Add server' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('the local scope has a server named tools already');
    expect((within(form).getByLabelText('Name') as HTMLInputElement).value).toBe('tools');
  });

  it('removes a server after confirmation, with its scope; a refusal shows the server’s message', async () => {
    const calls = serve([stdio, remote]);
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    const user = userEvent.setup();
    render(<McpServersPage projectId="p1" projectName="App" />);
    await list();
    await user.click(screen.getByRole('button', { name: 'Remove echo (local scope)' }));
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('Remove the MCP server “echo” (local scope)?'));
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);

    confirm.mockReturnValue(true);
    await user.click(screen.getByRole('button', { name: 'Remove echo (local scope)' }));
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'MCP servers of App' })).queryByRole('heading', { name: 'echo' })).toBeNull());
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.url)).toEqual([`${BASE}/echo?scope=local`]);
  });

  it('shows why a removal was refused next to the server', async () => {
    serve([remote], {
      deleteError: jsonResponse(403, { error: { code: 'FORBIDDEN', message: 'not your project' } }),
    });
    vi.stubGlobal('confirm', () => true);
    const user = userEvent.setup();
    render(<McpServersPage projectId="p1" projectName="App" />);
    const docs = within(await list()).getByRole('listitem');
    await user.click(within(docs).getByRole('button', { name: 'Remove docs (project scope)' }));
    expect((await within(docs).findByRole('alert')).textContent).toBe('not your project');
    expect(within(docs).getByRole('heading', { name: 'docs' })).toBeTruthy();
  });

  it('says when the list cannot be read', async () => {
    routeFetch(() => jsonResponse(503, { error: { code: 'CLI_TIMEOUT', message: 'the claude CLI did not answer in 60 s' } }));
    render(<McpServersPage projectId="p1" projectName="App" />);
    expect((await screen.findByRole('alert')).textContent).toBe('the claude CLI did not answer in 60 s');
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('speaks German when German is shown: the statuses, the form and its checks', async () => {
    showLanguage('de');
    try {
      serve([stdio, remote]);
      const user = userEvent.setup();
      render(<McpServersPage projectId="p1" projectName="App" />);
      const servers = await screen.findByRole('list', { name: 'MCP-Server von App' });
      expect(within(servers).getByText('Anmeldung nötig')).toBeTruthy();
      const form = screen.getByRole('form', { name: 'MCP-Server hinzufügen' });
      await user.click(within(form).getByRole('button', { name: 'Variable hinzufügen' }));
      expect(within(form).getByLabelText('Wert der Variable 1')).toBeTruthy();
      await user.click(within(form).getByRole('button', { name: 'Server hinzufügen' }));
      expect((await within(form).findByRole('alert')).textContent).toContain('beginnt mit einem Buchstaben oder einer Ziffer');
    } finally {
      showLanguage('en');
    }
  });
});
