import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { jsonResponse, routeFetch } from '../../test/fetch';
import { ProjectSharing } from './ProjectSharing';

afterEach(() => vi.unstubAllGlobals());

const owner = { id: 'u-ann', username: 'ann' };

describe('ProjectSharing', () => {
  it('lets the owner share by username and remove a member', async () => {
    let members = [{ id: 'u-bob', username: 'bob' }];
    const calls: string[] = [];
    routeFetch((url, init) => {
      const method = init?.method ?? 'GET';
      calls.push(`${method} ${url}`);
      if (method === 'GET' && url === '/api/projects/p1/members') {
        return jsonResponse(200, { userIds: members.map((m) => m.id), owner, members, canShare: true });
      }
      if (method === 'POST' && url === '/api/projects/p1/members') {
        const body = JSON.parse(String(init?.body)) as { username: string };
        if (body.username !== 'cy') return jsonResponse(400, { error: { code: 'INVALID', message: 'no such user', field: 'username' } });
        members = [...members, { id: 'u-cy', username: 'cy' }];
        return new Response(null, { status: 204 });
      }
      if (method === 'DELETE' && url === '/api/projects/p1/members/u-bob') {
        members = members.filter((m) => m.id !== 'u-bob');
        return new Response(null, { status: 204 });
      }
      return jsonResponse(404, { error: { code: 'NOT_FOUND', message: url } });
    });
    render(<ProjectSharing projectId="p1" projectName="App" />);
    const list = await screen.findByRole('list', { name: 'People with access' });
    expect(await within(list).findByText('bob')).toBeTruthy();
    expect(within(list).getByText('ann')).toBeTruthy();

    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Username to share with'), 'nobody');
    await user.click(screen.getByRole('button', { name: 'Share' }));
    expect(await screen.findByText('no such user')).toBeTruthy();

    await user.clear(screen.getByLabelText('Username to share with'));
    await user.type(screen.getByLabelText('Username to share with'), 'cy');
    await user.click(screen.getByRole('button', { name: 'Share' }));
    expect(await within(list).findByText('cy')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Remove bob from App' }));
    await vi.waitFor(() => expect(within(list).queryByText('bob')).toBeNull());
    expect(calls).toContain('DELETE /api/projects/p1/members/u-bob');
  });

  it('shows a member who else has access, without the controls to change it', async () => {
    routeFetch(() => jsonResponse(200, {
      userIds: ['u-me'], owner, members: [{ id: 'u-me', username: 'me' }], canShare: false,
    }));
    render(<ProjectSharing projectId="p1" projectName="App" />);
    const list = await screen.findByRole('list', { name: 'People with access' });
    expect(await within(list).findByText('ann')).toBeTruthy();
    expect(within(list).getByText('me')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Remove/ })).toBeNull();
    expect(screen.queryByLabelText('Username to share with')).toBeNull();
  });
});
