import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWebSocket, installFakeWebSocket } from '../test/ws';
import { backoffMs, LiveConnection, type ConnectionState } from './live';

beforeEach(() => {
  vi.useFakeTimers();
  installFakeWebSocket();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('live connection', () => {
  it('backs off exponentially up to 30 s', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 5, 6, 7, 10].map((n) => backoffMs(n, mid))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it('reconnects after a drop, tells reconnect listeners, and pings', () => {
    const conn = new LiveConnection();
    const states: ConnectionState['kind'][] = [];
    const reconnected = vi.fn();
    conn.onState((s) => states.push(s.kind));
    conn.onReconnect(reconnected);
    conn.start();
    FakeWebSocket.latest().open();
    expect(conn.getState().kind).toBe('connected');
    expect(reconnected).not.toHaveBeenCalled();

    vi.advanceTimersByTime(25_000);
    expect(FakeWebSocket.latest().sent).toContain('{"type":"ping"}');

    FakeWebSocket.latest().close();
    expect(conn.getState().kind).toBe('reconnecting');
    vi.advanceTimersByTime(1300);
    expect(FakeWebSocket.instances).toHaveLength(2);
    FakeWebSocket.latest().open();
    expect(conn.getState().kind).toBe('connected');
    expect(reconnected).toHaveBeenCalledTimes(1);
    expect(states).toEqual(['connecting', 'connected', 'reconnecting', 'connected']);
    conn.stop();
  });

  it('subscribes once open, renews subscriptions from the last seq seen, and says when it cannot send', () => {
    const conn = new LiveConnection();
    conn.start();
    conn.subscribe('s1', 5);
    conn.subscribe('s2', null);
    expect(conn.sendPrompt({ projectId: 'p', prompt: 'hi', clientMessageId: 'c' })).toBe(false);
    const first = FakeWebSocket.latest();
    first.open();
    expect(first.sent.map((f) => JSON.parse(f))).toEqual([
      { type: 'subscribe', sessionId: 's1', afterSeq: 5 },
      { type: 'subscribe', sessionId: 's2', afterSeq: Number.MAX_SAFE_INTEGER },
    ]);
    first.push({ type: 'event', sessionId: 's1', runId: 'r', seq: 9, at: '2026-11-27T20:00:00Z', event: { kind: 'status', status: 'requesting' } });
    first.push({ type: 'event', sessionId: 's1', runId: 'r', seq: 7, at: '2026-11-27T20:00:00Z', event: { kind: 'status', status: 'requesting' } });
    conn.unsubscribe('s2');
    expect(JSON.parse(first.sent.at(-1)!)).toEqual({ type: 'unsubscribe', sessionId: 's2' });
    expect(conn.interrupt('r')).toBe(true);

    first.close();
    vi.advanceTimersByTime(1300);
    const second = FakeWebSocket.latest();
    second.open();
    expect(second.sent.map((f) => JSON.parse(f))).toEqual([{ type: 'subscribe', sessionId: 's1', afterSeq: 9 }]);
    conn.stop();
  });
});
