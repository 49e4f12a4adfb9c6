import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { FakeWebSocket, installFakeWebSocket } from '../../test/ws';
import { TerminalTab, type TerminalFactory } from './TerminalTab';

beforeEach(() => {
  installFakeWebSocket();
  sessionStorage.clear();
});
afterEach(() => vi.unstubAllGlobals());

function factory() {
  const written: string[] = [];
  const make: TerminalFactory = async () => ({
    term: { cols: 80, rows: 24, write: (d: string) => { written.push(d); }, onData: () => ({ dispose() {} }) },
    fit: () => {},
    dispose: () => {},
  });
  return { make, written };
}

describe('TerminalTab', () => {
  it('shows the connection state and a clear message when the server refuses the terminal', async () => {
    const { make, written } = factory();
    render(<TerminalTab projectId="p1" factory={make} />);
    expect(await screen.findByText('Connecting…')).toBeTruthy();
    const ws = FakeWebSocket.latest();
    act(() => {
      ws.open();
      ws.push({ type: 'opened', terminalId: 't-1' });
      ws.push({ type: 'output', seq: 1, data: 'hello' });
    });
    expect(screen.getByRole('status').textContent).toBe('Connected');
    expect(written).toEqual(['hello']);
    expect(screen.getByRole('button', { name: 'End terminal' })).toBeTruthy();

    act(() => ws.push({ type: 'error', code: 'TERMINAL_DISABLED', message: 'the web shell is switched off on this server' }));
    expect(screen.getByRole('alert').textContent).toContain('switched off on this server (TERMINAL_DISABLED)');
  });

  it('explains a refused connection and offers a retry', async () => {
    const { make } = factory();
    render(<TerminalTab projectId="p1" factory={make} />);
    await screen.findByText('Connecting…');
    act(() => FakeWebSocket.latest().close());
    expect(screen.getByRole('alert').textContent).toContain('TERMINAL_DISABLED');
    expect(screen.getByRole('button', { name: 'Retry now' })).toBeTruthy();
  });
});
