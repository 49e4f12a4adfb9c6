import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { showLanguage } from '../../i18n/current';
import { jsonResponse, routeFetch } from '../../test/fetch';
import type { GitStatus } from '../../api/workspace';
import { GitTab } from './GitTab';

afterEach(() => {
  vi.unstubAllGlobals();
  showLanguage('en');
});

const file = (path: string, index: string, worktree: string, extra: Partial<GitStatus['files'][number]> = {}) => ({
  path, originalPath: null, index, worktree, staged: index !== '.' && index !== '?', untracked: index === '?', conflicted: false, ...extra,
});

const DIFF = `diff --git a/app.py b/app.py
index 1111111..2222222 100644
--- a/app.py
+++ b/app.py
@@ -1,2 +1,2 @@
 def add(a, b):
-    return a - b
+    return a + b
`;

describe('GitTab', () => {
  it('shows staged, unstaged and untracked files; stages, unstages, shows a diff and commits', async () => {
    let status: GitStatus = {
      branch: 'main', head: 'abc1234def', upstream: null, ahead: 0, behind: 0,
      files: [file('app.py', '.', 'M'), file('notes.txt', '?', '?'), file('done.md', 'A', '.')],
    };
    const fetchMock = routeFetch((url, init) => {
      const method = init?.method ?? 'GET';
      if (url === '/api/projects/p1/git/status') return jsonResponse(200, status);
      if (url === '/api/projects/p1/git/diff?path=app.py&staged=false') return jsonResponse(200, { diff: status.files[0].staged ? '' : DIFF, truncated: false });
      if (url === '/api/projects/p1/git/diff?path=app.py&staged=true') return jsonResponse(200, { diff: DIFF, truncated: false });
      if (url === '/api/projects/p1/git/stage' && method === 'POST') {
        status = { ...status, files: [file('app.py', 'M', '.'), file('notes.txt', '?', '?'), file('done.md', 'A', '.')] };
        return new Response(null, { status: 204 });
      }
      if (url === '/api/projects/p1/git/unstage' && method === 'POST') {
        status = { ...status, files: [file('app.py', 'M', '.'), file('notes.txt', '?', '?'), file('done.md', '?', '?')] };
        return new Response(null, { status: 204 });
      }
      if (url === '/api/projects/p1/git/commit' && method === 'POST') {
        status = { ...status, files: [file('notes.txt', '?', '?'), file('done.md', '?', '?')] };
        return jsonResponse(201, { hash: '9f8e7d6c5b4a' });
      }
      return jsonResponse(404, { error: { code: 'NOT_FOUND', message: url } });
    });
    render(<GitTab projectId="p1" />);
    const staged = await screen.findByRole('list', { name: 'Staged changes' });
    expect(screen.getByTitle('Current branch').textContent).toContain('main');
    expect(within(staged).getByText('done.md')).toBeTruthy();
    const changes = screen.getByRole('list', { name: 'Changes' });
    expect(within(changes).getByText('app.py')).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Untracked files' })).getByText('notes.txt')).toBeTruthy();

    const user = userEvent.setup();
    // the diff of a file, with removed and added lines
    await user.click(screen.getByRole('button', { name: 'Show the diff of app.py (modified)' }));
    const diff = await screen.findByRole('group', { name: 'Changes in app.py' });
    expect(within(diff).getByText('return a - b', { exact: false }).closest('.diff-line')?.className).toContain('del');
    expect(within(diff).getByText('return a + b', { exact: false }).closest('.diff-line')?.className).toContain('add');

    await user.click(screen.getByRole('button', { name: 'Stage app.py' }));
    expect(await within(await screen.findByRole('list', { name: 'Staged changes' })).findByText('app.py')).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Changes' })).toBeNull();
    // the diff on show follows the file to the staged side
    expect(await screen.findByText('staged')).toBeTruthy();
    expect(await screen.findByRole('group', { name: 'Changes in app.py' })).toBeTruthy();
    const stage = fetchMock.mock.calls.find((c) => String(c[0]).endsWith('/git/stage'))!;
    expect(JSON.parse(String(stage[1]?.body))).toEqual({ paths: ['app.py'] });
    expect((stage[1]?.headers as Record<string, string>)['X-CCUI-CSRF']).toBe('1');

    await user.click(screen.getByRole('button', { name: 'Unstage done.md' }));
    expect(await within(screen.getByRole('list', { name: 'Untracked files' })).findByText('done.md')).toBeTruthy();
    const unstage = fetchMock.mock.calls.find((c) => String(c[0]).endsWith('/git/unstage'))!;
    expect(JSON.parse(String(unstage[1]?.body))).toEqual({ paths: ['done.md'] });

    const commit = screen.getByRole('button', { name: /^Commit/ }) as HTMLButtonElement;
    expect(commit.disabled).toBe(true); // no message yet
    expect(commit.textContent).toBe('Commit 1 file');
    await user.type(screen.getByLabelText('Commit message'), 'Fix add');
    await user.click(commit);
    expect(await screen.findByText('Committed 9f8e7d6.')).toBeTruthy();
    const post = fetchMock.mock.calls.find((c) => String(c[0]).endsWith('/git/commit'))!;
    expect(JSON.parse(String(post[1]?.body))).toEqual({ message: 'Fix add' });
    expect(screen.queryByRole('list', { name: 'Staged changes' })).toBeNull();
    expect((screen.getByLabelText('Commit message') as HTMLTextAreaElement).value).toBe('');
  });

  it('lists branches with checkout and create, and pages the log', async () => {
    const commits = Array.from({ length: 45 }, (_, i) => ({
      hash: `${String(i).padStart(2, '0')}aaaaaaaaaa`, authorName: 'admin', authorEmail: 'admin@ccui.local',
      authoredAt: '2026-11-27T18:00:00Z', subject: `Commit number ${i}`,
    }));
    const fetchMock = routeFetch((url) => {
      if (url.endsWith('/git/status')) return jsonResponse(200, { branch: 'main', head: 'h', upstream: null, ahead: 0, behind: 0, files: [] });
      if (url.endsWith('/git/branches')) {
        return jsonResponse(200, { items: [{ name: 'main', commit: 'abcdef1234', current: true, upstream: null }, { name: 'feature', commit: '1234567abc', current: false, upstream: null }] });
      }
      if (url.endsWith('/git/checkout') || url.endsWith('/git/branch')) return new Response(null, { status: 204 });
      const m = /git\/log\?skip=(\d+)&limit=(\d+)/.exec(url);
      if (m) return jsonResponse(200, { items: commits.slice(Number(m[1]), Number(m[1]) + Number(m[2])) });
      return jsonResponse(404, { error: { code: 'NOT_FOUND', message: url } });
    });
    render(<GitTab projectId="p1" />);
    expect(await screen.findByText('No changes: the working tree is clean.')).toBeTruthy();
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: 'Branches' }));
    const list = await screen.findByRole('list', { name: 'Branches' });
    expect(within(list).getByText('current')).toBeTruthy();
    await user.click(within(list).getByRole('button', { name: 'Check out feature' }));
    const checkout = fetchMock.mock.calls.find((c) => String(c[0]).endsWith('/git/checkout'))!;
    expect(JSON.parse(String(checkout[1]?.body))).toEqual({ branch: 'feature' });
    await user.type(screen.getByLabelText('New branch'), 'topic');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    const branch = fetchMock.mock.calls.find((c) => String(c[0]).endsWith('/git/branch'))!;
    expect(JSON.parse(String(branch[1]?.body))).toEqual({ name: 'topic', checkout: true });

    await user.click(screen.getByRole('button', { name: 'History' }));
    const log = await screen.findByRole('list', { name: 'Commits' });
    expect(await within(log).findByText('Commit number 0')).toBeTruthy();
    expect(within(log).getAllByRole('listitem')).toHaveLength(30);
    await user.click(screen.getByRole('button', { name: 'Load older commits' }));
    expect(await within(log).findByText('Commit number 44')).toBeTruthy();
    expect(within(log).getAllByRole('listitem')).toHaveLength(45);
    expect(screen.queryByRole('button', { name: 'Load older commits' })).toBeNull();
  });

  it('says when the project is not a git repository', async () => {
    routeFetch(() => jsonResponse(409, { error: { code: 'NOT_A_REPOSITORY', message: 'not a git repository' } }));
    render(<GitTab projectId="p1" />);
    expect(await screen.findByText('This project is not a git repository.')).toBeTruthy();
  });

  it('speaks German when German is shown', async () => {
    showLanguage('de');
    routeFetch((url) => (url.endsWith('/git/status')
      ? jsonResponse(200, { branch: 'main', head: 'abc1234def', upstream: null, ahead: 0, behind: 0, files: [file('app.py', 'M', '.'), file('new.txt', '?', '?')] })
      : jsonResponse(404, { error: { code: 'NOT_FOUND', message: url } })));
    render(<GitTab projectId="p1" />);
    const staged = await screen.findByRole('list', { name: 'Gestagte Änderungen' });
    expect(within(staged).getByRole('button', { name: 'Diff von app.py anzeigen (geändert)' })).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Nicht verfolgte Dateien' })).getByRole('button', { name: 'new.txt stagen' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Git' })).toBeTruthy();
    expect(screen.getByLabelText('Commit-Nachricht')).toBeTruthy();
    expect(screen.getByRole('button', { name: '1 Datei committen' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Verlauf' })).toBeTruthy();
  });
});
