import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { jsonResponse, routeFetch } from '../../test/fetch';
import { AccountPermissionRules, PermissionRules } from './PermissionRules';

afterEach(() => vi.unstubAllGlobals());

type Rule = { id: string; behavior: 'allow' | 'deny'; rule: string; scope: 'project' | 'personal' | 'account'; createdAt: string };

function server(canEditProject: boolean, start: Rule[]) {
  let rules = start;
  const posted: unknown[] = [];
  const calls: string[] = [];
  routeFetch((url, init) => {
    const method = init?.method ?? 'GET';
    calls.push(`${method} ${url}`);
    if (method === 'GET' && url === '/api/projects/p1/permission-rules') return jsonResponse(200, { items: rules, canEditProject });
    if (method === 'POST' && url === '/api/projects/p1/permission-rules') {
      const body = JSON.parse(String(init?.body)) as Omit<Rule, 'id' | 'createdAt'>;
      posted.push(body);
      if (body.rule.startsWith('-')) {
        return jsonResponse(400, { error: { code: 'INVALID', message: 'a rule is a tool name such as Read', field: 'rule' } });
      }
      rules = [...rules, { ...body, id: `r${rules.length + 1}`, createdAt: '2026-12-01T10:00:00Z' }];
      return jsonResponse(201, rules[rules.length - 1]);
    }
    if (method === 'DELETE' && url.startsWith('/api/projects/p1/permission-rules/')) {
      rules = rules.filter((r) => !url.endsWith(`/${r.id}`));
      return new Response(null, { status: 204 });
    }
    return jsonResponse(404, { error: { code: 'NOT_FOUND', message: url } });
  });
  return { posted, calls };
}

describe('PermissionRules', () => {
  it('lets the owner save allow and deny rules for everyone or only their own runs, and remove them', async () => {
    const { posted, calls } = server(true, [
      { id: 'r1', behavior: 'allow', rule: 'Bash(npm test:*)', scope: 'project', createdAt: '2026-12-01T09:00:00Z' },
    ]);
    render(<PermissionRules projectId="p1" projectName="App" />);
    const list = await screen.findByRole('list', { name: 'Saved rules' });
    expect(within(list).getByText('Bash(npm test:*)')).toBeTruthy();
    expect(within(list).getByText('everyone')).toBeTruthy();

    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Rule'), '--dangerously-skip-permissions');
    await user.click(screen.getByRole('button', { name: 'Save rule' }));
    expect(await screen.findByText('a rule is a tool name such as Read')).toBeTruthy();

    await user.clear(screen.getByLabelText('Rule'));
    await user.selectOptions(screen.getByLabelText('Allow or deny'), 'deny');
    await user.type(screen.getByLabelText('Rule'), 'Bash(rm:*)');
    await user.click(screen.getByRole('button', { name: 'Save rule' }));
    expect(await within(list).findByText('Bash(rm:*)')).toBeTruthy();

    await user.selectOptions(screen.getByLabelText('Allow or deny'), 'allow');
    await user.type(screen.getByLabelText('Rule'), 'Edit(src/**)');
    await user.click(screen.getByRole('checkbox', { name: 'only my runs' }));
    await user.click(screen.getByRole('button', { name: 'Save rule' }));
    expect(await within(list).findByText('Edit(src/**)')).toBeTruthy();
    expect(posted.slice(1)).toEqual([
      { behavior: 'deny', rule: 'Bash(rm:*)', scope: 'project' },
      { behavior: 'allow', rule: 'Edit(src/**)', scope: 'personal' },
    ]);

    await user.click(screen.getByRole('button', { name: 'Remove rule allow Bash(npm test:*)' }));
    await vi.waitFor(() => expect(within(list).queryByText('Bash(npm test:*)')).toBeNull());
    expect(calls).toContain('DELETE /api/projects/p1/permission-rules/r1');
  });

  it('shows a member the project rules without changing them, and keeps their own', async () => {
    const { posted } = server(false, [
      { id: 'r1', behavior: 'deny', rule: 'WebFetch', scope: 'project', createdAt: '2026-12-01T09:00:00Z' },
    ]);
    render(<PermissionRules projectId="p1" projectName="App" />);
    const list = await screen.findByRole('list', { name: 'Saved rules' });
    expect(within(list).getByText('WebFetch')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Remove rule/ })).toBeNull();
    expect(screen.queryByRole('checkbox', { name: 'only my runs' })).toBeNull();

    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Rule'), 'Read');
    await user.click(screen.getByRole('button', { name: 'Save rule' }));
    expect(await within(list).findByText('only my runs')).toBeTruthy();
    expect(posted).toEqual([{ behavior: 'allow', rule: 'Read', scope: 'personal' }]);
    expect(screen.getByRole('button', { name: 'Remove rule allow Read' })).toBeTruthy();
  });

  it('keeps the caller\'s account-wide rules on their own page, for all their projects', async () => {
    let rules: Rule[] = [{ id: 'a1', behavior: 'deny', rule: 'WebFetch', scope: 'account', createdAt: '2026-12-01T09:00:00Z' }];
    const posted: unknown[] = [];
    const calls: string[] = [];
    routeFetch((url, init) => {
      const method = init?.method ?? 'GET';
      calls.push(`${method} ${url}`);
      if (method === 'GET' && url === '/api/me/permission-rules') return jsonResponse(200, { items: rules });
      if (method === 'POST' && url === '/api/me/permission-rules') {
        const body = JSON.parse(String(init?.body)) as { behavior: 'allow' | 'deny'; rule: string };
        posted.push(body);
        rules = [...rules, { ...body, scope: 'account', id: 'a2', createdAt: '2026-12-01T10:00:00Z' }];
        return jsonResponse(201, rules[rules.length - 1]);
      }
      if (method === 'DELETE' && url === '/api/me/permission-rules/a1') {
        rules = rules.filter((r) => r.id !== 'a1');
        return new Response(null, { status: 204 });
      }
      return jsonResponse(404, { error: { code: 'RULE_NOT_FOUND', message: url } });
    });
    render(<AccountPermissionRules />);
    expect(screen.getByRole('region', { name: 'My permission rules' })).toBeTruthy();
    const list = await screen.findByRole('list', { name: 'Saved rules' });
    expect(within(list).getByText('WebFetch')).toBeTruthy();
    expect(within(list).getByText('all my projects')).toBeTruthy();
    expect(screen.queryByRole('checkbox', { name: 'only my runs' })).toBeNull();

    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Allow or deny'), 'deny');
    await user.type(screen.getByLabelText('Rule'), 'Bash(rm:*)');
    await user.click(screen.getByRole('button', { name: 'Save rule' }));
    expect(await within(list).findByText('Bash(rm:*)')).toBeTruthy();
    expect(posted).toEqual([{ behavior: 'deny', rule: 'Bash(rm:*)' }]);

    await user.click(screen.getByRole('button', { name: 'Remove rule deny WebFetch' }));
    await vi.waitFor(() => expect(within(list).queryByText('WebFetch')).toBeNull());
    expect(calls).toContain('DELETE /api/me/permission-rules/a1');
  });
});
