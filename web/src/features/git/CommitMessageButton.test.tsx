import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { jsonResponse, routeFetch } from '../../test/fetch';
import type { GitStatus } from '../../api/workspace';
import { GitTab } from './GitTab';

afterEach(() => vi.unstubAllGlobals());

const status: GitStatus = {
  branch: 'main', head: 'abc1234def', upstream: null, ahead: 0, behind: 0,
  files: [{ path: 'app.py', originalPath: null, index: 'M', worktree: '.', staged: true, untracked: false, conflicted: false }],
};

describe('Write with Claude', () => {
  it('fills the commit box with the message Claude wrote, editable, and commits only on request', async () => {
    const calls: string[] = [];
    routeFetch((url, init) => {
      const method = init?.method ?? 'GET';
      calls.push(`${method} ${url}`);
      if (url === '/api/projects/p1/git/status') return jsonResponse(200, status);
      if (url === '/api/projects/p1/git/commit-message' && method === 'POST') {
        return jsonResponse(200, { message: 'Fix add() to add\n\nIt subtracted.' });
      }
      if (url.startsWith('/api/projects/p1/git/')) return jsonResponse(200, { items: [] });
      return jsonResponse(404, { error: { code: 'NOT_FOUND', message: url } });
    });
    render(<GitTab projectId="p1" />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Write with Claude' }));
    const box = screen.getByLabelText<HTMLTextAreaElement>('Commit message');
    await vi.waitFor(() => expect(box.value).toBe('Fix add() to add\n\nIt subtracted.'));
    await user.type(box, ' Edited.');
    expect(box.value).toContain('It subtracted. Edited.');
    expect(calls.filter((c) => c.includes('/git/commit') && !c.includes('commit-message'))).toEqual([]);
  });

  it('says what to do when nothing is staged', async () => {
    routeFetch((url, init) => {
      if (url === '/api/projects/p1/git/status') return jsonResponse(200, status);
      if (url.endsWith('/git/commit-message') && init?.method === 'POST') {
        return jsonResponse(409, { error: { code: 'NOTHING_STAGED', message: 'stage the changes to describe first' } });
      }
      return jsonResponse(200, { items: [] });
    });
    render(<GitTab projectId="p1" />);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Write with Claude' }));
    expect(await screen.findByText('Stage the changes to describe first.')).toBeTruthy();
  });
});
