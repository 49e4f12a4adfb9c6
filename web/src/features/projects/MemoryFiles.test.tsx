import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { jsonResponse, routeFetch } from '../../test/fetch';
import { MemoryFiles } from './MemoryFiles';

afterEach(() => vi.unstubAllGlobals());

const method = (init?: RequestInit) => init?.method ?? 'GET';
const body = (init?: RequestInit) => JSON.parse(String(init?.body)) as Record<string, unknown>;

describe('MemoryFiles', () => {
  it("edits the project's CLAUDE.md with a Markdown preview and saves it against the sha it read", async () => {
    const fetchMock = routeFetch((url, init) => {
      if (url === '/api/projects/p1/files/content?path=CLAUDE.md' && method(init) === 'GET') {
        return jsonResponse(200, { path: 'CLAUDE.md', encoding: 'utf-8', content: '# Rules\n', sha: 'sha-1', size: 8, binary: false, tooLarge: false });
      }
      if (method(init) === 'PUT') return jsonResponse(200, { sha: 'sha-2' });
      return jsonResponse(404, { error: { code: 'NOT_FOUND', message: url } });
    });
    render(<MemoryFiles projectId="p1" projectName="app" />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'CLAUDE.md' }));
    const dialog = await screen.findByRole('dialog', { name: 'CLAUDE.md of app' });
    const text = await within(dialog).findByLabelText('Contents of CLAUDE.md of app');
    await user.type(text, 'Use **tabs**.');
    await user.click(within(dialog).getByRole('tab', { name: 'Preview' }));
    const preview = within(dialog).getByLabelText('Preview');
    expect(within(preview).getByRole('heading', { name: 'Rules' })).toBeTruthy();
    expect(preview.querySelector('strong')?.textContent).toBe('tabs');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Saved.')).toBeTruthy();
    const put = fetchMock.mock.calls.find((c) => method(c[1]) === 'PUT')!;
    expect(String(put[0])).toBe('/api/projects/p1/files/content?path=CLAUDE.md');
    expect(body(put[1])).toMatchObject({ content: '# Rules\nUse **tabs**.', baseSha: 'sha-1' });
  });

  it('creates .claude/settings.json when missing, and never saves JSON the CLI could not read', async () => {
    const fetchMock = routeFetch((url, init) => {
      if (method(init) === 'GET') return jsonResponse(404, { error: { code: 'NOT_FOUND', message: 'no such file' } });
      if (url === '/api/projects/p1/files/content?path=.claude') return jsonResponse(409, { error: { code: 'ALREADY_EXISTS', message: 'there' } });
      return jsonResponse(201, { path: '.claude/settings.json', sha: 'sha-9' });
    });
    render(<MemoryFiles projectId="p1" projectName="app" />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Claude settings' }));
    const dialog = await screen.findByRole('dialog', { name: 'Claude settings of app' });
    expect(await within(dialog).findByText('There is no such file yet: saving creates it.')).toBeTruthy();
    const text = within(dialog).getByLabelText('Contents of Claude settings of app');
    await user.type(text, '{{"permissions": ');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('Not valid JSON');
    expect(fetchMock.mock.calls.filter((c) => method(c[1]) === 'POST')).toHaveLength(0);

    await user.type(text, '{{}}');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Saved.')).toBeTruthy();
    const posts = fetchMock.mock.calls.filter((c) => method(c[1]) === 'POST');
    expect(posts.map((c) => String(c[0]))).toEqual([
      '/api/projects/p1/files/content?path=.claude',
      '/api/projects/p1/files/content?path=.claude%2Fsettings.json',
    ]);
    expect(body(posts[1][1])).toEqual({ content: '{"permissions": {}}', type: 'file' });
  });

  it("edits the user's own CLAUDE.md, says when runs do not read it, and offers a reload on a stale save", async () => {
    let puts = 0;
    const fetchMock = routeFetch((url, init) => {
      if (url === '/api/memory/user' && method(init) === 'GET') {
        return jsonResponse(200, { content: puts ? 'theirs' : 'mine', sha: puts ? 'sha-b' : 'sha-a', exists: true, inEffect: false });
      }
      puts += 1;
      return jsonResponse(409, { error: { code: 'FILE_CHANGED', message: 'your CLAUDE.md changed since it was read' } });
    });
    render(<MemoryFiles projectId="p1" projectName="app" />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'My CLAUDE.md' }));
    const dialog = await screen.findByRole('dialog', { name: 'My CLAUDE.md' });
    expect((await within(dialog).findByRole('note')).textContent).toContain('without the sandbox');
    await user.type(within(dialog).getByLabelText('Contents of My CLAUDE.md'), '!');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('changed since it was read');
    const put = fetchMock.mock.calls.find((c) => method(c[1]) === 'PUT')!;
    expect(body(put[1])).toEqual({ content: 'mine!', baseSha: 'sha-a' });
    await user.click(within(dialog).getByRole('button', { name: 'Reload (lose my changes)' }));
    expect(await within(dialog).findByDisplayValue('theirs')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
