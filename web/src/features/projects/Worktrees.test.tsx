import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { jsonResponse, routeFetch } from '../../test/fetch';
import { Worktrees } from './Worktrees';

afterEach(() => vi.unstubAllGlobals());

const project = {
  id: 'p1', name: 'app', path: '/w/app', starred: false, archived: false, discovered: false, ownerId: 'u1',
  sessionCount: 0, lastActivityAt: null, createdAt: '2026-01-01T00:00:00Z', archivedSessionCount: 0, parentId: null,
};
const trees = [
  { path: '/w/app', head: 'aaaa', branch: 'main', main: true, locked: false, prunable: false, projectId: 'p1' },
  { path: '/w/app-feature', head: 'bbbb', branch: 'feature', main: false, locked: false, prunable: false, projectId: 'p2' },
];

describe('Worktrees', () => {
  it('lists the linked worktrees, adds one on a new branch', async () => {
    const added = { ...project, id: 'p3', name: 'app-topic', path: '/w/app-topic', parentId: 'p1' };
    const fetchMock = routeFetch((url, init) => {
      if (url === '/api/projects/p1/worktrees' && init?.method === 'POST') return jsonResponse(201, added);
      if (url === '/api/projects/p1/worktrees') return jsonResponse(200, { items: trees });
      return jsonResponse(404, { error: { code: 'NOT_FOUND', message: url } });
    });
    const onAdded = vi.fn();
    render(<Worktrees project={project} onAdded={onAdded} onRemoved={() => {}} />);
    expect(await screen.findByText('feature')).toBeTruthy();
    expect(screen.queryByText('main')).toBeNull();
    await userEvent.type(screen.getByLabelText('Branch'), 'topic');
    await userEvent.click(screen.getByRole('button', { name: 'Add worktree' }));
    await waitFor(() => expect(onAdded).toHaveBeenCalledWith(added));
    const post = fetchMock.mock.calls.find((c) => c[1]?.method === 'POST');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ branch: 'topic', newBranch: true });
  });

  it('says why a removal was refused and removes with force when asked', async () => {
    const deletes: string[] = [];
    routeFetch((url, init) => {
      if (init?.method === 'DELETE') {
        deletes.push(url);
        return url.endsWith('?force=true')
          ? new Response(null, { status: 204 })
          : jsonResponse(409, { error: { code: 'WORKTREE_UNPUSHED', message: '1 commit(s) of feature are on no remote' } });
      }
      return jsonResponse(200, { items: trees });
    });
    const onRemoved = vi.fn();
    render(<Worktrees project={project} onAdded={() => {}} onRemoved={onRemoved} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Remove worktree feature' }));
    expect((await screen.findByRole('alert')).textContent).toContain('on no remote');
    expect(onRemoved).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Remove anyway' }));
    await waitFor(() => expect(onRemoved).toHaveBeenCalledWith('p2'));
    expect(deletes).toEqual(['/api/projects/p1/worktrees/p2', '/api/projects/p1/worktrees/p2?force=true']);
  });
});
