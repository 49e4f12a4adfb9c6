import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ev, pushEvents, renderLiveWith, sentFrames } from '../../test/chat';
import { jsonResponse, routeFetch } from '../../test/fetch';
import { installFakeWebSocket, type FakeWebSocket } from '../../test/ws';
import { ChatPane } from './ChatPane';

beforeEach(() => {
  installFakeWebSocket();
  routeFetch(() => jsonResponse(200, { items: [] }));
});
afterEach(() => vi.unstubAllGlobals());

const DB = 'Which database should the app use?';
const EXTRAS = 'Which extras do you want?';
const questions = [
  { question: DB, header: 'Database', multiSelect: false,
    options: [{ label: 'PostgreSQL', description: 'A server, for teams' }, { label: 'SQLite', description: 'A file, for one person' }] },
  { question: EXTRAS, header: 'Extras', multiSelect: true,
    options: [{ label: 'Metrics', description: 'Prometheus endpoint' }, { label: 'Tracing', description: 'OpenTelemetry spans' }] },
];
const plan = '# Plan\n\n1. Add `hello.txt`\n2. Write **hello** into it\n';

function Pane() {
  return <ChatPane chatKey="s1" projectId="p1" sessionId="s1" messages={[]} showHidden={false} loading={false} models={[]} emptyText="Nothing yet" />;
}

function open(request: Record<string, unknown>) {
  return renderLiveWith(<Pane />, [
    ev(1, { kind: 'run_started' }),
    ev(2, { kind: 'permission_request', requestId: 'req-1', toolUseId: 't1', ...request } as never),
  ]);
}

const decisions = (ws: FakeWebSocket) => sentFrames(ws).filter((f) => f.type === 'permission');

describe('a question from Claude', () => {
  it('is answered with an option, several checked options and words of ones own, all at once', async () => {
    const { ws } = await open({ toolName: 'AskUserQuestion', input: { questions }, questions });
    const card = screen.getByRole('region', { name: 'Question from Claude' });
    expect(screen.queryByRole('region', { name: 'Permission request' })).toBeNull();
    expect(within(card).getByText(DB)).toBeTruthy();
    const send = within(card).getByRole('button', { name: 'Send answers' });
    expect(send).toHaveProperty('disabled', true);

    const user = userEvent.setup();
    await user.click(within(card).getByRole('button', { name: 'SQLite' }));
    expect(within(card).getByRole('button', { name: 'SQLite' }).getAttribute('aria-pressed')).toBe('true');
    await user.click(within(card).getByRole('checkbox', { name: /Metrics/ }));
    await user.click(within(card).getByRole('checkbox', { name: /Tracing/ }));
    await user.type(within(card).getByRole('textbox', { name: `Other answer to: ${EXTRAS}` }), 'nightly backups');
    await user.click(send);

    expect(decisions(ws)).toEqual([{ type: 'permission', runId: 'run-1', requestId: 'req-1', decision: 'allow',
      answers: { [DB]: 'SQLite', [EXTRAS]: 'Metrics, Tracing, nightly backups' } }]);
    await pushEvents(ws, [ev(3, { kind: 'permission_resolved', requestId: 'req-1', toolUseId: 't1', toolName: 'AskUserQuestion', decision: 'allow', decidedBy: 'alice' })]);
    expect(within(card).getByText('Answered by alice')).toBeTruthy();
    expect(within(card).queryByRole('button', { name: 'Send answers' })).toBeNull();
  });

  it('takes a free-text answer in place of the options', async () => {
    const single = [questions[0]];
    const { ws } = await open({ toolName: 'AskUserQuestion', input: { questions: single }, questions: single });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'PostgreSQL' }));
    await user.type(screen.getByRole('textbox', { name: `Other answer to: ${DB}` }), 'Both, one per node');
    expect(screen.getByRole('button', { name: 'PostgreSQL' }).getAttribute('aria-pressed')).toBe('false');
    await user.click(screen.getByRole('button', { name: 'Send answers' }));
    expect(decisions(ws)).toEqual([{ type: 'permission', runId: 'run-1', requestId: 'req-1', decision: 'allow', answers: { [DB]: 'Both, one per node' } }]);
  });
});

describe('a plan from Claude', () => {
  it('is shown as Markdown and approved, or approved with edits accepted', async () => {
    const { ws } = await open({ toolName: 'ExitPlanMode', input: { plan }, plan });
    const card = screen.getByRole('region', { name: 'Plan from Claude' });
    expect(within(card).getByRole('heading', { name: 'Plan' })).toBeTruthy();
    expect(within(card).getByText('hello', { selector: 'strong' })).toBeTruthy();

    const user = userEvent.setup();
    await user.click(within(card).getByRole('button', { name: 'Approve and accept edits' }));
    expect(decisions(ws)).toEqual([{ type: 'permission', runId: 'run-1', requestId: 'req-1', decision: 'allow', permissionMode: 'acceptEdits' }]);
    await pushEvents(ws, [
      ev(3, { kind: 'permission_resolved', requestId: 'req-1', toolUseId: 't1', toolName: 'ExitPlanMode', decision: 'allow', decidedBy: 'alice' }),
      ev(4, { kind: 'status', status: 'status', data: { permissionMode: 'acceptEdits' } }),
    ]);
    expect(within(card).getByText('Approved by alice')).toBeTruthy();
    // The next message goes on in the mode the plan was approved into, not back into plan mode.
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: /Permission mode/ }).value).toBe('acceptEdits');
  });

  it('is sent back with a comment to keep planning', async () => {
    const { ws } = await open({ toolName: 'ExitPlanMode', input: { plan }, plan });
    const card = screen.getByRole('region', { name: 'Plan from Claude' });
    const keep = within(card).getByRole('button', { name: 'Keep planning' });
    expect(keep).toHaveProperty('disabled', true);

    const user = userEvent.setup();
    await user.type(within(card).getByRole('textbox', { name: 'What should change in the plan' }), 'Add a README first');
    await user.click(keep);
    expect(decisions(ws)).toEqual([{ type: 'permission', runId: 'run-1', requestId: 'req-1', decision: 'deny', message: 'Add a README first' }]);
    await pushEvents(ws, [ev(3, { kind: 'permission_resolved', requestId: 'req-1', toolUseId: 't1', toolName: 'ExitPlanMode', decision: 'deny', decidedBy: 'alice', message: 'Add a README first' })]);
    expect(within(card).getByText('Sent back by alice: Add a README first')).toBeTruthy();
  });
});
