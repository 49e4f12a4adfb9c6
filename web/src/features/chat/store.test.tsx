import { useEffect } from 'react';
import { act, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ev, pushEvents, renderLive, sentFrames } from '../../test/chat';
import { jsonResponse, routeFetch } from '../../test/fetch';
import { FakeWebSocket, installFakeWebSocket } from '../../test/ws';
import { useLiveSession } from './ChatContext';
import { ChatPane } from './ChatPane';

beforeEach(() => {
  installFakeWebSocket();
  routeFetch(() => jsonResponse(200, { items: [] }));
});
afterEach(() => vi.unstubAllGlobals());

function Texts() {
  const s = useLiveSession('s1');
  return <ul aria-label="Live items">{s.turns.flatMap((t) => t.items).map((i) => <li key={i.id}>{i.type === 'text' ? i.text : i.type}</li>)}</ul>;
}

function Pane() {
  return (
    <ChatPane chatKey="s1" projectId="p1" sessionId="s1" messages={[]} showHidden={false}
      loading={false} models={[]} emptyText="Nothing yet" />
  );
}

describe('live session subscription', () => {
  it('probes, subscribes from the last seq, and after a reconnect replays without gaps or duplicates', async () => {
    const { ws } = await renderLive(<><Pane /><Texts /></>);
    expect(sentFrames(ws)).toContainEqual({ type: 'subscribe', sessionId: 's1', afterSeq: Number.MAX_SAFE_INTEGER });
    act(() => ws.push({ type: 'subscribed', sessionId: 's1', lastSeq: 7 }));
    await vi.waitFor(() => expect(sentFrames(ws)).toContainEqual({ type: 'subscribe', sessionId: 's1', afterSeq: 7 }));

    await pushEvents(ws, [
      ev(8, { kind: 'run_started' }),
      ev(9, { kind: 'assistant_delta', messageId: 'm', blockIndex: 0, blockType: 'text', text: 'One ' }),
      ev(10, { kind: 'assistant_delta', messageId: 'm', blockIndex: 0, blockType: 'text', text: 'two ' }),
    ]);
    expect(screen.getByRole('list', { name: 'Live items' }).textContent).toBe('One two ');
    expect(screen.getByRole('button', { name: 'Interrupt' })).toBeTruthy();

    // The socket drops; the next one resubscribes from the last seq seen.
    vi.useFakeTimers();
    act(() => ws.close());
    act(() => vi.advanceTimersByTime(1300));
    vi.useRealTimers();
    const again = FakeWebSocket.latest();
    expect(again).not.toBe(ws);
    act(() => again.open());
    expect(sentFrames(again)).toContainEqual({ type: 'subscribe', sessionId: 's1', afterSeq: 10 });

    // A replay that overlaps what was shown changes nothing twice.
    await pushEvents(again, [
      ev(10, { kind: 'assistant_delta', messageId: 'm', blockIndex: 0, blockType: 'text', text: 'two ' }),
      ev(11, { kind: 'assistant_delta', messageId: 'm', blockIndex: 0, blockType: 'text', text: 'three' }),
      ev(12, { kind: 'result', subtype: 'success', isError: false, inputTokens: 2000, outputTokens: 12, costUsd: 0.031 }),
      ev(13, { kind: 'run_ended', reason: 'completed' }),
    ]);
    expect(screen.getByRole('list', { name: 'Live items' }).textContent).toBe('One two three');
    expect(screen.getByText('Completed')).toBeTruthy();
    expect(screen.getByLabelText('Tokens and cost of this turn').textContent).toBe('Tokens in ↑2,000 out ↓12 · $0.03');
    expect(screen.queryByRole('button', { name: 'Interrupt' })).toBeNull();
  });

  it('replays an active run from its first event when the chat opens mid-stream', async () => {
    // seq 1-4 belong to an older run, 5 on to the active one: the server says where it starts
    const { ws } = await renderLive(<Pane />);
    act(() => ws.push({ type: 'subscribed', sessionId: 's1', lastSeq: 9, activeRunId: 'run-2', activeRunFirstSeq: 5 }));
    await vi.waitFor(() => expect(sentFrames(ws)).toContainEqual({ type: 'subscribe', sessionId: 's1', afterSeq: 4 }));
    await pushEvents(ws, [
      ev(5, { kind: 'run_started' }, 'run-2'),
      ev(6, { kind: 'assistant_text', messageId: 'm', text: 'Still going' }, 'run-2'),
    ]);
    expect(await screen.findByText('Still going')).toBeTruthy();
    expect(screen.getByText('Claude is working…')).toBeTruthy();
  });
});

describe('a long stream', () => {
  it('applies 10,000 deltas and renders them once per animation frame', async () => {
    let renders = 0;
    function Counter() {
      const s = useLiveSession('s1');
      // Counted once per commit (an effect without deps), not in the render body, which must stay pure.
      useEffect(() => { renders += 1; });
      const item = s.turns[0]?.items[0];
      return <p aria-label="Length">{item && item.type === 'text' ? item.text.length : 0}</p>;
    }
    const { ws } = await renderLive(<><Pane /><Counter /></>);
    act(() => ws.push({ type: 'subscribed', sessionId: 's1', lastSeq: 0 }));
    await vi.waitFor(() => expect(sentFrames(ws)).toContainEqual({ type: 'subscribe', sessionId: 's1', afterSeq: 0 }));
    const before = renders;
    const deltas = Array.from({ length: 10_000 }, (_, i) =>
      ev(i + 2, { kind: 'assistant_delta', messageId: 'm', blockIndex: 0, blockType: 'text', text: 'abcd ' }));
    await pushEvents(ws, [ev(1, { kind: 'run_started' }), ...deltas]);
    expect(screen.getByLabelText('Length').textContent).toBe('50000');
    expect(renders - before).toBeLessThanOrEqual(2);
  });
});
