import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ev, pushEvents, renderLiveWith, sentFrames } from '../../test/chat';
import { jsonResponse, routeFetch } from '../../test/fetch';
import { installFakeWebSocket, type FakeWebSocket } from '../../test/ws';
import { ApprovalBanner } from './ApprovalBanner';
import { ChatPane } from './ChatPane';

beforeEach(() => {
  installFakeWebSocket();
  routeFetch(() => jsonResponse(200, { items: [] }));
});
afterEach(() => vi.unstubAllGlobals());

function openWithRequest(ui: React.ReactNode) {
  return renderLiveWith(ui, [
    ev(1, { kind: 'run_started' }),
    ev(2, { kind: 'permission_request', requestId: 'req-1', toolName: 'Write', input: { file_path: '/home/dev/p/notes.txt', content: 'hello notes\n' }, toolUseId: 't1' }),
    ev(3, { kind: 'permission_request', requestId: 'req-2', toolName: 'Bash', input: { command: 'rm -rf build' }, toolUseId: 't2' }),
  ]);
}

const decisions = (ws: FakeWebSocket) => sentFrames(ws).filter((f) => f.type === 'permission');

function Pane() {
  return (
    <ChatPane chatKey="s1" projectId="p1" sessionId="s1" messages={[]} showHidden={false}
      loading={false} models={[]} emptyText="Nothing yet" />
  );
}

describe('permission requests', () => {
  it('shows what the tool will do and sends Allow, Always allow and Deny', async () => {
    const { ws } = await openWithRequest(<Pane />);
    const [write, bash] = screen.getAllByRole('region', { name: 'Permission request' });
    expect(within(write).getByText('/home/dev/p/notes.txt')).toBeTruthy();
    expect(within(write).getByText(/hello notes/)).toBeTruthy();
    expect(within(bash).getByText('rm -rf build')).toBeTruthy();

    const user = userEvent.setup();
    await user.click(within(write).getByRole('button', { name: 'Always allow' }));
    await user.click(within(bash).getByRole('button', { name: 'Deny' }));
    expect(decisions(ws)).toEqual([
      { type: 'permission', runId: 'run-1', requestId: 'req-1', decision: 'allow', remember: true },
      { type: 'permission', runId: 'run-1', requestId: 'req-2', decision: 'deny', remember: false },
    ]);

    // Whoever decides first, every screen shows the outcome.
    await pushEvents(ws, [
      ev(4, { kind: 'permission_resolved', requestId: 'req-1', toolUseId: 't1', toolName: 'Write', decision: 'allow', decidedBy: 'alice' }),
      ev(5, { kind: 'permission_resolved', requestId: 'req-2', toolUseId: 't2', toolName: 'Bash', decision: 'deny', decidedBy: 'timeout' }),
    ]);
    expect(within(write).getByText('Allowed by alice')).toBeTruthy();
    expect(within(bash).getByText('Denied: nobody answered in time')).toBeTruthy();
    expect(within(write).queryByRole('button', { name: 'Allow' })).toBeNull();
  });

  it('puts a banner on every screen while a request waits', async () => {
    const { ws } = await openWithRequest(<><ApprovalBanner currentSessionId={null} /><Pane /></>);
    const banner = screen.getByText(/Claude is waiting for 2 approvals/).closest('p')!;
    expect(within(banner).getByRole('link', { name: 'Open the chat' }).getAttribute('href')).toBe('#/p/p1/s/s1');
    await pushEvents(ws, [
      ev(4, { kind: 'permission_resolved', requestId: 'req-1', decision: 'allow', decidedBy: 'alice' }),
      ev(5, { kind: 'permission_resolved', requestId: 'req-2', decision: 'allow', decidedBy: 'alice' }),
    ]);
    expect(screen.queryByText(/Claude is waiting for/)).toBeNull();
  });
});

describe('why a permission was asked, or not', () => {
  it('says why it asked and saves the CLI\'s suggested rule for the project before allowing', async () => {
    const posted: unknown[] = [];
    routeFetch((url, init) => {
      if ((init?.method ?? 'GET') === 'POST' && url === '/api/projects/p1/permission-rules') {
        const body = JSON.parse(String(init?.body)) as { scope: string };
        posted.push(body);
        // A member may not change the project's rules: the card keeps it for their own runs.
        if (body.scope === 'project') return jsonResponse(403, { error: { code: 'FORBIDDEN', message: 'only the owner' } });
        return jsonResponse(201, { id: 'r1', ...body, createdAt: '2026-12-01T10:00:00Z' });
      }
      return jsonResponse(200, { items: [] });
    });
    const { ws } = await renderLiveWith(<Pane />, [
      ev(1, { kind: 'run_started' }),
      ev(2, { kind: 'permission_request', requestId: 'req-1', toolName: 'Bash', input: { command: 'touch made.txt' }, toolUseId: 't1',
        blockedPath: '/home/dev/p/made.txt',
        suggestions: [
          { type: 'addRules', rules: [{ toolName: 'Bash', ruleContent: 'touch made.txt' }], behavior: 'allow', destination: 'localSettings' },
          { type: 'setMode', mode: 'acceptEdits', destination: 'session' },
        ] }),
    ]);
    const card = screen.getByRole('region', { name: 'Permission request' });
    expect(within(card).getByText(/Asked because no saved permission rule \(this project's, or your own here or in all your projects\) allows this call \(it touches the path above\)/)).toBeTruthy();

    const user = userEvent.setup();
    await user.click(within(card).getByRole('button', { name: 'Allow and save rule Bash(touch made.txt)' }));
    await vi.waitFor(() => expect(decisions(ws)).toEqual([
      { type: 'permission', runId: 'run-1', requestId: 'req-1', decision: 'allow', remember: false },
    ]));
    expect(posted).toEqual([
      { behavior: 'allow', rule: 'Bash(touch made.txt)', scope: 'project' },
      { behavior: 'allow', rule: 'Bash(touch made.txt)', scope: 'personal' },
    ]);
  });

  it('says on the tool which deny rule refused it without asking: a saved one, or the CLI\'s own settings', async () => {
    await renderLiveWith(<Pane />, [
      ev(1, { kind: 'run_started' }),
      ev(2, { kind: 'tool_use', toolUseId: 't1', name: 'Edit', input: { file_path: '/home/dev/p/src/secrets/key.txt' },
        savedRule: { behavior: 'deny', rule: 'Edit(src/secrets/**)' } }),
      ev(3, { kind: 'permission_resolved', requestId: null, toolUseId: 't1', toolName: 'Edit', decision: 'deny', decidedBy: 'cli',
        message: 'Permission to use Edit has been denied.' }),
      ev(4, { kind: 'tool_use', toolUseId: 't2', name: 'Bash', input: { command: 'rm -f made.txt' }, savedRule: null }),
      ev(5, { kind: 'permission_resolved', requestId: null, toolUseId: 't2', toolName: 'Bash', decision: 'deny', decidedBy: 'cli',
        message: 'Permission to use Bash with command rm -f made.txt has been denied.' }),
    ]);
    expect(screen.getAllByRole('note').map((n) => n.textContent)).toEqual([
      'Denied without asking, by the saved rule Edit(src/secrets/**): Permission to use Edit has been denied.',
      'Denied without asking, by a deny rule of the CLI\'s own settings: Permission to use Bash with command rm -f made.txt has been denied.',
    ]);
    expect(screen.queryByRole('region', { name: 'Permission request' })).toBeNull();
  });

  it('says on the tool which saved rule let it run without asking, path patterns included', async () => {
    await renderLiveWith(<Pane />, [
      ev(1, { kind: 'run_started' }),
      ev(2, { kind: 'tool_use', toolUseId: 't1', name: 'Bash', input: { command: 'npm test --silent' },
        savedRule: { behavior: 'allow', rule: 'Bash(npm test:*)' } }),
      ev(3, { kind: 'tool_use', toolUseId: 't2', name: 'Write', input: { file_path: '/home/dev/p/src/a/b.ts', content: 'x' },
        savedRule: { behavior: 'allow', rule: 'Edit(src/**)' } }),
      ev(4, { kind: 'tool_use', toolUseId: 't3', name: 'Read', input: { file_path: '/home/dev/p/docs/guide.md' },
        savedRule: { behavior: 'allow', rule: 'Read(docs/*.md)' } }),
      ev(5, { kind: 'tool_use', toolUseId: 't4', name: 'Bash', input: { command: 'make' } }),
      // Asked about after all: its permission card says why, not the tool.
      ev(6, { kind: 'tool_use', toolUseId: 't5', name: 'Edit', input: { file_path: '/home/dev/p/src/c.ts' },
        savedRule: { behavior: 'allow', rule: 'Edit(src/**)' } }),
      ev(7, { kind: 'permission_request', requestId: 'req-5', toolName: 'Edit', input: { file_path: '/home/dev/p/src/c.ts' }, toolUseId: 't5' }),
    ]);
    expect(screen.getAllByRole('note').map((n) => n.textContent)).toEqual([
      'Allowed without asking, by the saved rule Bash(npm test:*)',
      'Allowed without asking, by the saved rule Edit(src/**)',
      'Allowed without asking, by the saved rule Read(docs/*.md)',
    ]);
  });
});
