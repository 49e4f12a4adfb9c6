import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { jsonResponse, routeFetch } from '../../test/fetch';
import type { GitStash, GitStatus } from '../../api/workspace';
import { GitTab } from './GitTab';

afterEach(() => vi.unstubAllGlobals());

const file = (path: string, index: string, worktree: string) => ({
  path, originalPath: null, index, worktree, staged: index !== '.' && index !== '?', untracked: index === '?', conflicted: false,
});
const status = (files: GitStatus['files']): GitStatus => ({ branch: 'main', head: 'h1', upstream: null, ahead: 0, behind: 0, files });
const notFound = (url: string) => jsonResponse(404, { error: { code: 'NOT_FOUND', message: url } });
const calls = (mock: ReturnType<typeof routeFetch>, suffix: string) =>
  mock.mock.calls.filter((c) => String(c[0]).endsWith(suffix)).map((c) => ({ method: c[1]?.method, body: c[1]?.body ? JSON.parse(String(c[1].body)) : undefined }));

describe('GitTab stashes, discard and branch changes', () => {
  it('discards a file only after a confirmation, and deletes an untracked one', async () => {
    let current = status([file('app.py', '.', 'M'), file('scratch.txt', '?', '?'), file('ready.md', 'M', '.')]);
    const fetchMock = routeFetch((url) => {
      if (url.endsWith('/git/status')) return jsonResponse(200, current);
      if (url.endsWith('/git/discard')) {
        current = status(current.files.filter((f) => f.path === 'ready.md'));
        return new Response(null, { status: 204 });
      }
      return notFound(url);
    });
    render(<GitTab projectId="p1" />);
    const user = userEvent.setup();
    const staged = await screen.findByRole('list', { name: 'Staged changes' });
    expect(within(staged).queryByRole('button', { name: /^Discard/ })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Discard the changes to app.py' }));
    await user.click(screen.getByRole('button', { name: 'Keep app.py' }));
    expect(calls(fetchMock, '/git/discard')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Discard the changes to scratch.txt' }));
    expect(screen.getByRole('button', { name: 'Confirm: discard the changes to scratch.txt' }).textContent).toBe('Delete it');
    await user.click(screen.getByRole('button', { name: 'Discard the changes to app.py' }));
    await user.click(screen.getByRole('button', { name: 'Confirm: discard the changes to app.py' }));
    expect(await screen.findByText('Discarded the changes to app.py.')).toBeTruthy();
    expect(calls(fetchMock, '/git/discard')).toEqual([{ method: 'POST', body: { paths: ['app.py'] } }]);
    expect(screen.queryByRole('list', { name: 'Changes' })).toBeNull();
  });

  it('stashes the changes, lists stashes, applies, pops and drops one after a confirmation', async () => {
    let stashes: GitStash[] = [];
    const fetchMock = routeFetch((url, init) => {
      const method = init?.method ?? 'GET';
      if (url.endsWith('/git/status')) return jsonResponse(200, status(stashes.length ? [] : [file('app.py', '.', 'M')]));
      if (url.endsWith('/git/stashes') && method === 'GET') return jsonResponse(200, { items: stashes });
      if (url.endsWith('/git/stashes') && method === 'POST') {
        stashes = [{ index: 0, commit: 'c0ffee1234', message: 'On main: halfway', createdAt: '2026-12-01T10:00:00Z' },
          { index: 1, commit: 'beef123456', message: 'On main: older', createdAt: '2026-11-30T10:00:00Z' }];
        return new Response(null, { status: 201 });
      }
      if (/\/git\/stashes\/\d+\/apply$/.test(url)) return new Response(null, { status: 204 });
      if (/\/git\/stashes\/\d+$/.test(url) && method === 'DELETE') {
        stashes = stashes.slice(1).map((s, i) => ({ ...s, index: i }));
        return new Response(null, { status: 204 });
      }
      return notFound(url);
    });
    render(<GitTab projectId="p1" />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Stashes' }));
    expect(await screen.findByText('No stashes.')).toBeTruthy();

    await user.type(screen.getByLabelText('Stash message'), 'halfway');
    await user.click(screen.getByRole('button', { name: 'Stash changes' }));
    const list = await screen.findByRole('list', { name: 'Stashes' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(calls(fetchMock, '/git/stashes').find((c) => c.method === 'POST')?.body).toEqual({ message: 'halfway', includeUntracked: true });
    expect((screen.getByLabelText('Stash message') as HTMLInputElement).value).toBe('');

    await user.click(within(list).getByRole('button', { name: 'Apply On main: older' }));
    await user.click(within(list).getByRole('button', { name: 'Pop On main: halfway' }));
    expect(calls(fetchMock, '/git/stashes/1/apply')).toEqual([{ method: 'POST', body: { pop: false } }]);
    expect(calls(fetchMock, '/git/stashes/0/apply')).toEqual([{ method: 'POST', body: { pop: true } }]);

    await user.click(within(list).getByRole('button', { name: 'Drop On main: halfway' }));
    await user.click(within(list).getByRole('button', { name: 'Confirm: drop On main: halfway' }));
    expect(await within(list).findByText('On main: older')).toBeTruthy();
    expect(within(list).queryByText('On main: halfway')).toBeNull();
    expect(calls(fetchMock, '/git/stashes/0')).toEqual([{ method: 'DELETE', body: undefined }]);
  });

  it('renames a branch and deletes one, asking again with force when git says it is not merged', async () => {
    let branches = [{ name: 'main', commit: 'abcdef1234', current: true, upstream: null },
      { name: 'spike', commit: '1234567abc', current: false, upstream: null }];
    const fetchMock = routeFetch((url, init) => {
      if (url.endsWith('/git/status')) return jsonResponse(200, status([]));
      if (url.endsWith('/git/branches')) return jsonResponse(200, { items: branches });
      if (url.endsWith('/git/branch/rename')) {
        branches = branches.map((b) => (b.name === 'spike' ? { ...b, name: 'experiment' } : b));
        return new Response(null, { status: 204 });
      }
      if (url.endsWith('/git/branch/delete')) {
        const body = JSON.parse(String(init?.body));
        if (!body.force) return jsonResponse(409, { error: { code: 'BRANCH_NOT_MERGED', message: 'not merged' } });
        branches = branches.filter((b) => b.name !== body.name);
        return new Response(null, { status: 204 });
      }
      return notFound(url);
    });
    render(<GitTab projectId="p1" />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Branches' }));
    const list = await screen.findByRole('list', { name: 'Branches' });
    expect(within(list).queryByRole('button', { name: 'Delete main' })).toBeNull();

    await user.click(within(list).getByRole('button', { name: 'Rename spike' }));
    const input = within(list).getByLabelText('New name of spike');
    await user.clear(input);
    await user.type(input, 'experiment');
    await user.click(within(list).getByRole('button', { name: 'Rename' }));
    expect(await within(list).findByText('experiment')).toBeTruthy();
    expect(calls(fetchMock, '/git/branch/rename')).toEqual([{ method: 'POST', body: { from: 'spike', to: 'experiment' } }]);

    await user.click(within(list).getByRole('button', { name: 'Delete experiment' }));
    await user.click(within(list).getByRole('button', { name: 'Confirm: delete experiment' }));
    expect((await screen.findByRole('alert')).textContent).toContain('delete it anyway');
    const anyway = within(list).getByRole('button', { name: 'Confirm: delete experiment' });
    expect(anyway.textContent).toBe('Delete anyway');
    await user.click(anyway);
    await vi.waitFor(() => expect(within(list).queryByText('experiment')).toBeNull());
    expect(calls(fetchMock, '/git/branch/delete').map((c) => c.body)).toEqual([
      { name: 'experiment', force: false }, { name: 'experiment', force: true }]);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('discards one hunk of a file after a confirmation, naming it by the numbers git wrote', async () => {
    const twoHunks = `diff --git a/app.py b/app.py
--- a/app.py
+++ b/app.py
@@ -1,2 +1,2 @@
-a = 1
+a = 2
 b = 2
@@ -0,0 +20,2 @@
+added one
+added two
`;
    let diff = twoHunks;
    const fetchMock = routeFetch((url) => {
      if (url.endsWith('/git/status')) return jsonResponse(200, status([file('app.py', '.', 'M')]));
      if (url.includes('/git/diff?')) return jsonResponse(200, { diff, truncated: false });
      if (url.endsWith('/git/discard-hunk')) {
        diff = twoHunks.slice(0, twoHunks.indexOf('@@ -0,0'));
        return new Response(null, { status: 204 });
      }
      return notFound(url);
    });
    render(<GitTab projectId="p1" />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Show the diff of app.py (modified)' }));
    await screen.findByRole('group', { name: 'Changes in app.py' });
    await user.click(screen.getByRole('button', { name: 'Discard the hunk at line 20 of app.py' }));
    await user.click(screen.getByRole('button', { name: 'Confirm: discard the hunk at line 20 of app.py' }));
    expect(await screen.findByText('Discarded the hunk at line 20 of app.py.')).toBeTruthy();
    expect(calls(fetchMock, '/git/discard-hunk')).toEqual([{ method: 'POST', body: {
      path: 'app.py', oldStart: 0, oldLines: 0, newStart: 20, newLines: 2 } }]);
    // The diff loads again after the discard ("Loading the diff…" shows neither hunk): wait for
    // the reloaded diff, which holds the first hunk only.
    await vi.waitFor(() => {
      expect(screen.getByRole('button', { name: 'Discard the hunk at line 1 of app.py' })).toBeTruthy();
      expect(screen.queryByText('added one')).toBeNull();
    });
  });
});
