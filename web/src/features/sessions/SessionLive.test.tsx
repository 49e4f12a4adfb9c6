import { act, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Message } from '../../api/types';
import { ev, pushEvents, renderLive, sentFrames } from '../../test/chat';
import { jsonResponse, routeFetch } from '../../test/fetch';
import { msg, text } from '../../test/messages';
import { installFakeWebSocket } from '../../test/ws';
import { SessionView } from './SessionView';

const meta = { id: 's1', projectId: 'p1', title: 'Demo', messageCount: 1, models: [], inputTokens: 10, outputTokens: 5, costUsd: 0.01, hidden: false };
const START = '2026-11-27T20:00:00Z';
const older = msg('user', [text('Earlier question')], { timestamp: '2026-11-27T19:00:00Z' });
const prompt = msg('user', [text('Summarise the repo')], { timestamp: '2026-11-27T20:00:00.4Z' });
const answer = msg('assistant', [text('It is a demo.')], { timestamp: '2026-11-27T20:00:03Z' });

let history: Message[];
beforeEach(() => {
  installFakeWebSocket();
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(800);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800);
  history = [older];
  routeFetch((url) => {
    if (url === '/api/sessions/s1') return jsonResponse(200, { ...meta, messageCount: history.length, outputTokens: history.length * 5 });
    if (url.startsWith('/api/sessions/s1/messages')) return jsonResponse(200, { items: history, nextBefore: null });
    if (url === '/api/runs/run-1') return jsonResponse(200, { id: 'run-1', sessionId: 's1', projectId: 'p1', state: 'running', startedAt: START });
    return jsonResponse(200, { items: [] });
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('a live turn and the indexed history', () => {
  it('shows the turn once while the index catches up, then lets the history take over', async () => {
    const { ws } = await renderLive(<SessionView sessionId="s1" projectId="p1" />);
    const feed = await screen.findByRole('feed', { name: 'Messages' });
    act(() => ws.push({ type: 'subscribed', sessionId: 's1', lastSeq: 0 }));
    await vi.waitFor(() => expect(sentFrames(ws)).toContainEqual({ type: 'subscribe', sessionId: 's1', afterSeq: 0 }));
    await pushEvents(ws, [
      ev(1, { kind: 'run_started' }, 'run-1', 's1', START),
      ev(2, { kind: 'assistant_delta', messageId: 'm', blockIndex: 0, blockType: 'text', text: 'It is ' }, 'run-1', 's1', START),
    ]);

    // The index already has the prompt: it shows once, as the live turn's.
    history = [older, prompt];
    await act(async () => ws.push({ type: 'projects_changed', projectIds: ['p1'] }));
    await vi.waitFor(() => expect(within(feed).getByText('Summarise the repo')).toBeTruthy());
    expect(within(feed).getAllByText('Summarise the repo')).toHaveLength(1);
    expect(within(feed).getByText('It is')).toBeTruthy();

    await pushEvents(ws, [
      ev(3, { kind: 'assistant_text', messageId: 'm', text: 'It is a demo.' }, 'run-1', 's1', START),
      ev(4, { kind: 'result', subtype: 'success', isError: false, inputTokens: 900, outputTokens: 7, costUsd: 0.004 }, 'run-1', 's1', START),
      ev(5, { kind: 'run_ended', reason: 'completed' }, 'run-1', 's1', START),
    ]);
    // Not in the index yet: the turn stays (it must not vanish).
    expect(within(feed).getAllByText('It is a demo.')).toHaveLength(1);
    expect(feed.querySelector('.live-turn')).not.toBeNull();

    history = [older, prompt, answer];
    await act(async () => ws.push({ type: 'projects_changed', projectIds: ['p1'] }));
    await vi.waitFor(() => expect(feed.querySelector('.live-turn')).toBeNull());
    expect(within(feed).getAllByText('It is a demo.')).toHaveLength(1);
    expect(within(feed).getAllByText('Summarise the repo')).toHaveLength(1);
    expect(screen.getByLabelText('Last turn').textContent).toContain('Completed');
    expect(screen.getByTitle('Input tokens / output tokens').textContent).toContain('15');
  });
});
