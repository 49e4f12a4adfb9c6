import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { QueueEntry } from '../../api/runs';
import { ev, pushEvents, renderLiveWith } from '../../test/chat';
import { jsonResponse, routeFetch } from '../../test/fetch';
import { installFakeWebSocket } from '../../test/ws';
import { ChatPane } from './ChatPane';

const entry = (id: string, prompt: string): QueueEntry => ({
  id, authorId: 'u1', author: 'olga', prompt, images: 0, clientMessageId: `c-${id}`, queuedAt: '2026-11-27T20:00:00Z',
  updatedAt: '2026-11-27T20:00:00Z',
});

let fetchMock: ReturnType<typeof routeFetch>;
beforeEach(() => {
  window.sessionStorage.clear();
  installFakeWebSocket();
  fetchMock = routeFetch((url, init) => {
    if (url === '/api/runs' && init?.method === 'POST') {
      return jsonResponse(202, { sessionId: 's1', queued: { sessionId: 's1', ...entry('q3', 'third') } });
    }
    if (url.startsWith('/api/sessions/s1/queue/') && init?.method === 'POST') {
      return jsonResponse(202, { sessionId: 's1', queued: { sessionId: 's1', ...entry('q2', 'second') }, interrupting: true });
    }
    if (url.startsWith('/api/sessions/s1/queue/')) return jsonResponse(init?.method === 'DELETE' ? 204 : 200, undefined);
    if (url.startsWith('/api/runs/')) return jsonResponse(200, { id: 'run-1', sessionId: 's1', projectId: 'p1', state: 'running', startedAt: '2026-11-27T20:00:00Z' });
    return jsonResponse(200, { items: [] });
  });
});
afterEach(() => vi.unstubAllGlobals());

function Pane() {
  return <ChatPane chatKey="s1" projectId="p1" sessionId="s1" messages={[]} showHidden={false} loading={false} models={[]} emptyText="Nothing yet" />;
}

const calls = (method: string, prefix: string) =>
  fetchMock.mock.calls.filter(([url, init]) => String(url).startsWith(prefix) && init?.method === method);

describe('The message queue', () => {
  it('queues a message typed while Claude works instead of refusing it', async () => {
    await renderLiveWith(<Pane />, [ev(1, { kind: 'run_started' })]);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Message Claude'), 'third{Enter}');
    await vi.waitFor(() => expect(calls('POST', '/api/runs')).toHaveLength(1));
    expect(JSON.parse(String(calls('POST', '/api/runs')[0][1]?.body))).toMatchObject({ sessionId: 's1', prompt: 'third', queue: true });
    const strip = await screen.findByRole('region', { name: 'Queued messages' });
    expect(within(strip).getByText('third')).toBeTruthy();
    expect(screen.getByLabelText<HTMLTextAreaElement>('Message Claude').value).toBe('');
  });

  it('shows the queue every watcher sees, and edits, removes and sends a message now', async () => {
    const { ws } = await renderLiveWith(<Pane />, [ev(1, { kind: 'run_started' })]);
    await pushEvents(ws, [ev(2, { kind: 'queue_changed', change: 'queued', message: entry('q2', 'second'), items: [entry('q1', 'first'), entry('q2', 'second')] })]);
    const strip = screen.getByRole('region', { name: 'Queued messages' });
    expect(within(strip).getAllByRole('listitem').map((li) => li.querySelector('.queue-prompt')?.textContent)).toEqual(['first', 'second']);
    expect(screen.getByRole('button', { name: 'Queue' })).toBeTruthy();

    const user = userEvent.setup();
    await user.click(within(strip).getByRole('button', { name: 'Edit queued message: first' }));
    const box = within(strip).getByLabelText<HTMLTextAreaElement>('Edit queued message');
    await user.clear(box);
    await user.type(box, 'first, edited');
    await user.click(within(strip).getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(calls('PATCH', '/api/sessions/s1/queue/q1')).toHaveLength(1));
    expect(JSON.parse(String(calls('PATCH', '/api/sessions/s1/queue/q1')[0][1]?.body))).toEqual({ prompt: 'first, edited' });

    await user.click(within(strip).getByRole('button', { name: 'Remove queued message: first' }));
    await vi.waitFor(() => expect(calls('DELETE', '/api/sessions/s1/queue/q1')).toHaveLength(1));
    await user.click(within(strip).getByRole('button', { name: 'Send now: second' }));
    await vi.waitFor(() => expect(calls('POST', '/api/sessions/s1/queue/q2/send-now')).toHaveLength(1));

    // The turn it became opens with its prompt; the strip is gone with the last waiting message.
    await pushEvents(ws, [
      ev(3, { kind: 'run_ended', reason: 'interrupted' }),
      ev(4, { kind: 'queue_changed', change: 'sent', message: entry('q2', 'second'), runId: 'run-2', items: [] }, 'run-2'),
    ]);
    expect(screen.queryByRole('region', { name: 'Queued messages' })).toBeNull();
    expect(screen.getByText('second')).toBeTruthy();
  });
});
