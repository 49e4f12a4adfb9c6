import { act, render } from '@testing-library/react';
import { expect, vi } from 'vitest';
import type { ReactNode } from 'react';
import type { LoggedEvent, RunEventBody } from '../api/runs';
import { ChatProvider } from '../features/chat/ChatContext';
import { LiveProvider } from '../features/live/LiveContext';
import { FakeWebSocket } from './ws';

/** Renders `ui` inside the live connection and chat store (once its chunk has loaded), with the socket open. */
export async function renderLive(ui: ReactNode) {
  const view = render(<LiveProvider><ChatProvider>{ui}</ChatProvider></LiveProvider>);
  const ws = FakeWebSocket.latest();
  act(() => ws.open());
  await act(async () => {
    await import('../features/chat/store');
  });
  return { ...view, ws };
}

/** The frames the page sent, parsed. */
export function sentFrames(ws: FakeWebSocket): Record<string, unknown>[] {
  return ws.sent.map((s) => JSON.parse(s) as Record<string, unknown>);
}

export function ev(seq: number, event: RunEventBody, runId = 'run-1', sessionId = 's1', at = '2026-11-27T20:00:00Z'): LoggedEvent {
  return { sessionId, runId, seq, at, event };
}

/** Pushes event frames and lets the next animation frame publish them. */
export async function pushEvents(ws: FakeWebSocket, events: LoggedEvent[]) {
  await act(async () => {
    for (const e of events) ws.push({ type: 'event', ...e });
    await new Promise((r) => requestAnimationFrame(() => r(undefined)));
  });
}

/** Renders `ui` live, lets it subscribe to session s1 and pushes `events` to it. */
export async function renderLiveWith(ui: ReactNode, events: LoggedEvent[]) {
  const view = await renderLive(ui);
  act(() => view.ws.push({ type: 'subscribed', sessionId: 's1', lastSeq: 0 }));
  await vi.waitFor(() => expect(sentFrames(view.ws)).toContainEqual({ type: 'subscribe', sessionId: 's1', afterSeq: 0 }));
  await pushEvents(view.ws, events);
  return view;
}
