import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWebSocket, installFakeWebSocket } from '../../test/ws';
import { storageKey, TerminalClient, type TerminalLike, type TerminalState } from './client';

/** A stand-in for xterm.js: records what is written, lets the test type. */
function mockTerminal(cols = 100, rows = 30) {
  let typed: ((d: string) => void) | null = null;
  const term = {
    cols,
    rows,
    written: [] as string[],
    write(d: string) { term.written.push(d); },
    onData(l: (d: string) => void) { typed = l; return { dispose: () => { typed = null; } }; },
    type(d: string) { typed?.(d); },
  };
  return term as typeof term & TerminalLike;
}

const sent = (ws: FakeWebSocket) => ws.sent.map((s) => JSON.parse(s) as Record<string, unknown>);

beforeEach(() => {
  vi.useFakeTimers();
  installFakeWebSocket();
  sessionStorage.clear();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('terminal client', () => {
  it('continues a session in the shell: a new terminal with claude --resume, never the remembered one', () => {
    sessionStorage.setItem(storageKey('p1'), JSON.stringify({ terminalId: 't-old', seq: 5 }));
    const client = new TerminalClient('p1', mockTerminal(), 's-42');
    client.start();
    const ws = FakeWebSocket.latest();
    ws.open();
    expect(sent(ws)).toHaveLength(1);
    expect(sent(ws)[0]).toMatchObject({ type: 'open', cols: 100, rows: 30, resumeSessionId: 's-42' });
    ws.push({ type: 'opened', terminalId: 't-2' });
    // A dropped connection re-attaches the resumed terminal: it is not resumed a second time.
    ws.close(); // network drop
    vi.advanceTimersByTime(1300);
    const again = FakeWebSocket.latest();
    again.open();
    expect(sent(again)[0]).toMatchObject({ type: 'attach', terminalId: 't-2', afterSeq: 0 });
  });

  it('opens a terminal with its size, shows output, sends input and resizes', () => {
    const term = mockTerminal();
    const client = new TerminalClient('p1', term);
    const states: TerminalState['kind'][] = [];
    client.onState((s) => states.push(s.kind));
    client.start();
    const ws = FakeWebSocket.latest();
    // The new terminal's id is chosen here and in the URL from the start: a balancer routes on it.
    const url = new URL(ws.url);
    expect(`${url.protocol}//${url.host}${url.pathname}`).toBe(`ws://${window.location.host}/ws/terminal`);
    expect(url.searchParams.get('projectId')).toBe('p1');
    const chosen = url.searchParams.get('terminalId');
    expect(chosen).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    ws.open();
    expect(sent(ws)).toEqual([{ type: 'open', cols: 100, rows: 30, terminalId: chosen }]);

    ws.push({ type: 'opened', terminalId: 't-1' });
    expect(client.getState()).toEqual({ kind: 'open', terminalId: 't-1' });
    ws.push({ type: 'output', seq: 1, data: '$ ' });
    ws.push({ type: 'output', seq: 2, data: 'echo hi\r\nhi\r\n' });
    expect(term.written.join('')).toBe('$ echo hi\r\nhi\r\n');
    expect(JSON.parse(sessionStorage.getItem(storageKey('p1'))!)).toEqual({ terminalId: 't-1', seq: 2 });

    term.type('ls\r');
    client.resize(120, 40);
    client.resize(120, 40); // unchanged: not sent again
    expect(sent(ws).slice(1)).toEqual([
      { type: 'resize', cols: 100, rows: 30 },
      { type: 'input', data: 'ls\r' },
      { type: 'resize', cols: 120, rows: 40 },
    ]);
    expect(states).toEqual(['connecting', 'open']);
    client.dispose();
  });

  it('reattaches after a drop from the last seq and shows nothing twice', () => {
    const term = mockTerminal();
    const client = new TerminalClient('p1', term);
    client.start();
    const first = FakeWebSocket.latest();
    first.open();
    first.push({ type: 'opened', terminalId: 't-1' });
    first.push({ type: 'output', seq: 1, data: 'one ' });
    first.push({ type: 'output', seq: 2, data: 'two ' });

    first.close(); // network drop
    expect(client.getState().kind).toBe('reconnecting');
    vi.advanceTimersByTime(1300);
    const second = FakeWebSocket.latest();
    expect(second).not.toBe(first);
    second.open();
    expect(sent(second)[0]).toEqual({ type: 'attach', terminalId: 't-1', afterSeq: 2 });
    second.push({ type: 'opened', terminalId: 't-1' });
    second.push({ type: 'output', seq: 2, data: 'two ' }); // replayed overlap is skipped
    second.push({ type: 'output', seq: 3, data: 'three' });
    expect(term.written.join('')).toBe('one two three');
    expect(client.getState().kind).toBe('open');
    client.dispose();
  });

  it('after a reload reattaches the remembered terminal and redraws its scrollback once', () => {
    sessionStorage.setItem(storageKey('p1'), JSON.stringify({ terminalId: 't-1', seq: 2 }));
    const term = mockTerminal(80, 24);
    const client = new TerminalClient('p1', term);
    client.start();
    const ws = FakeWebSocket.latest();
    ws.open();
    // the new page's screen is empty: replay from the start of the scrollback
    expect(sent(ws)).toEqual([{ type: 'attach', terminalId: 't-1', afterSeq: 0 }]);
    ws.push({ type: 'opened', terminalId: 't-1' });
    ws.push({ type: 'output', seq: 1, data: 'one ' });
    ws.push({ type: 'output', seq: 2, data: 'two ' });
    ws.close();
    vi.advanceTimersByTime(1300);
    const again = FakeWebSocket.latest();
    again.open();
    expect(sent(again)[0]).toEqual({ type: 'attach', terminalId: 't-1', afterSeq: 2 });
    again.push({ type: 'opened', terminalId: 't-1' });
    again.push({ type: 'output', seq: 2, data: 'two ' });
    again.push({ type: 'output', seq: 3, data: 'three' });
    expect(term.written.join('')).toBe('one two three');
    client.dispose();
  });

  it('opens a new terminal when the remembered one is gone', () => {
    sessionStorage.setItem(storageKey('p1'), JSON.stringify({ terminalId: 't-old', seq: 41 }));
    const term = mockTerminal(80, 24);
    const client = new TerminalClient('p1', term);
    client.start();
    const ws = FakeWebSocket.latest();
    ws.open();
    expect(new URL(ws.url).searchParams.get('terminalId')).toBe('t-old');
    expect(sent(ws)).toEqual([{ type: 'attach', terminalId: 't-old', afterSeq: 0 }]);
    ws.push({ type: 'error', code: 'NO_SUCH_TERMINAL', message: 'no such terminal' });
    // The same id again: the URL routed this socket to a node on it, and will route the next ones there too.
    expect(sent(ws)[1]).toEqual({ type: 'open', cols: 80, rows: 24, terminalId: 't-old' });
    ws.push({ type: 'opened', terminalId: 't-new' });
    ws.push({ type: 'output', seq: 1, data: 'fresh' });
    expect(term.written).toEqual(['fresh']);
    client.dispose();
  });

  it('reports a refused upgrade, the terminal limit, and the end of the shell', () => {
    const refused = new TerminalClient('p1', mockTerminal());
    refused.start();
    FakeWebSocket.latest().close(); // the upgrade was answered 403
    expect(refused.getState().kind).toBe('refused');
    vi.advanceTimersByTime(60_000);
    expect(FakeWebSocket.instances).toHaveLength(1); // no reconnect loop
    refused.dispose();

    const limited = new TerminalClient('p2', mockTerminal());
    limited.start();
    FakeWebSocket.latest().open();
    FakeWebSocket.latest().push({ type: 'error', code: 'TERMINAL_LIMIT', message: 'at most 4 terminals' });
    expect(limited.getState()).toEqual({ kind: 'error', code: 'TERMINAL_LIMIT', message: 'at most 4 terminals' });
    limited.dispose();

    const ending = new TerminalClient('p3', mockTerminal());
    ending.start();
    const ws = FakeWebSocket.latest();
    ws.open();
    ws.push({ type: 'opened', terminalId: 't-3' });
    ending.end();
    expect(sent(ws).at(-1)).toEqual({ type: 'close' });
    ws.push({ type: 'exit', code: 0 });
    ws.close();
    expect(ending.getState()).toEqual({ kind: 'exited', code: 0 });
    expect(sessionStorage.getItem(storageKey('p3'))).toBeNull();
    ending.dispose();
  });
});
