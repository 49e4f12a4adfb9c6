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
});
