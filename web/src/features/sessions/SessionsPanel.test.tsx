import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen, waitFor } from '@testing-library/react';
import type { ChatSession } from '../../api/types';
import { showLanguage } from '../../i18n/current';
import { jsonResponse, routeFetch } from '../../test/fetch';
import { FakeWebSocket, installFakeWebSocket } from '../../test/ws';
import { LiveProvider } from '../live/LiveContext';
import { SessionsPanel } from './SessionsPanel';

const PROJECT = '0b6e7f3a-1111-4222-8333-944455556666';

function session(n: number, extra: Partial<ChatSession> = {}): ChatSession {
  return {
    id: `s${n}`, projectId: PROJECT, title: `Session number ${n}`, lastActivityAt: new Date(Date.now() - n * 3_600_000).toISOString(),
    messageCount: n, models: [], inputTokens: 0, outputTokens: 0, costUsd: 0, hidden: false, archived: false, ...extra,
  };
}

class FakeIntersectionObserver {
  static instances: FakeIntersectionObserver[] = [];
  readonly callback: IntersectionObserverCallback;
  targets: Element[] = [];
  constructor(cb: IntersectionObserverCallback) {
    this.callback = cb;
    FakeIntersectionObserver.instances.push(this);
  }
  observe(el: Element) { this.targets.push(el); }
  unobserve() {}
  disconnect() { this.targets = []; }
  takeRecords() { return []; }
  /** The observed element scrolled into view. */
  reveal() {
    this.callback(this.targets.map((target) => ({ target, isIntersecting: true }) as IntersectionObserverEntry), this as unknown as IntersectionObserver);
  }
}

beforeEach(() => {
  installFakeWebSocket();
  FakeIntersectionObserver.instances = [];
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
});
afterEach(() => vi.unstubAllGlobals());

function renderPanel(archivedCount = 0) {
  return render(
    <LiveProvider>
      <SessionsPanel projectId={PROJECT} projectName="proj" selectedId="s2" archivedCount={archivedCount} />
    </LiveProvider>,
  );
}

describe('SessionsPanel', () => {
  it('shows title, last activity and message count, and loads the next page with the cursor on scroll', async () => {
    const fetchMock = routeFetch((url) => {
      const q = new URL(url, 'http://x').searchParams;
      if (!q.get('cursor')) return jsonResponse(200, { items: [session(1), session(2)], nextCursor: 'c-2' });
      return jsonResponse(200, { items: [session(3)], nextCursor: null });
    });
    renderPanel();

    expect(await screen.findByText('Session number 1')).toBeTruthy();
    expect(screen.getByText('2 h ago')).toBeTruthy();
    expect(screen.getByText('2 messages')).toBeTruthy();
    expect(screen.getByRole('link', { name: /Session number 2/ }).getAttribute('aria-current')).toBe('page');

    await waitFor(() => expect(FakeIntersectionObserver.instances.at(-1)?.targets.length).toBe(1));
    act(() => FakeIntersectionObserver.instances.at(-1)!.reveal());

    expect(await screen.findByText('Session number 3')).toBeTruthy();
    const urls = fetchMock.mock.calls.map((c) => String(c[0]));
    expect(urls).toEqual([
      `/api/projects/${PROJECT}/sessions?limit=50`,
      `/api/projects/${PROJECT}/sessions?limit=50&cursor=c-2`,
    ]);
    expect(screen.queryByRole('button', { name: 'Load more sessions' })).toBeNull();
  });

  it('refetches when the server says the project changed, and ignores other projects', async () => {
    let round = 0;
    const fetchMock = routeFetch(() => {
      round += 1;
      return jsonResponse(200, {
        items: round === 1 ? [session(1)] : [session(9, { title: 'A brand new session', lastActivityAt: new Date().toISOString() }), session(1)],
        nextCursor: null,
      });
    });
    renderPanel();
    expect(await screen.findByText('Session number 1')).toBeTruthy();

    const ws = FakeWebSocket.latest();
    expect(ws.url).toBe(`ws://${window.location.host}/ws`);
    act(() => ws.open());
    act(() => ws.push({ type: 'projects_changed', projectIds: ['another-project'] }));
    expect(fetchMock).toHaveBeenCalledTimes(1);

    act(() => ws.push({ type: 'projects_changed', projectIds: ['another-project', PROJECT] }));
    expect(await screen.findByText('A brand new session')).toBeTruthy();
    expect(screen.getByText('just now')).toBeTruthy();
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('marks sessions whose files vanished as archived and says how many the archive kept', async () => {
    routeFetch(() => jsonResponse(200, {
      items: [session(1), session(2, { archived: true, archivedAt: '2026-11-20T10:00:00Z' })], nextCursor: null,
    }));
    renderPanel(2);

    const archived = await screen.findByRole('link', { name: /Session number 2/ });
    expect(archived.textContent).toContain('Archived');
    expect(screen.getByRole('link', { name: /Session number 1/ }).textContent).not.toContain('Archived');
    expect(screen.getByRole('note').textContent).toBe('2 sessions were removed from disk; kept in the archive (still readable and searchable).');
  });

  it('says nothing about the archive when no file vanished', async () => {
    routeFetch(() => jsonResponse(200, { items: [session(1)], nextCursor: null }));
    renderPanel();
    expect(await screen.findByText('Session number 1')).toBeTruthy();
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('speaks Spanish when Spanish is chosen: counts, times and the archive notice', async () => {
    showLanguage('es');
    try {
      routeFetch(() => jsonResponse(200, { items: [session(1), session(2)], nextCursor: null }));
      renderPanel(3);
      expect(await screen.findByText('2 mensajes')).toBeTruthy();
      expect(screen.getByText('hace 2 h')).toBeTruthy();
      expect(screen.getByRole('heading', { name: 'Sesiones de proj' })).toBeTruthy();
      expect(screen.getByRole('note').textContent).toContain('3 sesiones se eliminaron del disco');
    } finally {
      showLanguage('en');
    }
  });
});
