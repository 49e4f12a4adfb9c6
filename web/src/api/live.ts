import { JsonSocket, wsUrl } from './jsonSocket';
import type { Decision, LoggedEvent, StartRun } from './runs';
import type { IndexProgress } from './types';

/** What the server pushes on `/ws`. */
export type LiveFrame =
  | { type: 'projects_changed'; projectIds: string[] }
  | { type: 'status'; source: 'index'; index: IndexProgress }
  | { type: 'subscribed'; sessionId: string; lastSeq: number; activeRunId?: string | null; activeRunFirstSeq?: number }
  | ({ type: 'event' } & LoggedEvent)
  | { type: 'accepted'; clientMessageId: string; runId: string; sessionId: string }
  | { type: 'pong' }
  | { type: 'error'; code: string; message: string; clientMessageId?: string };

/**
 * Subscribing after this seq replays nothing and delivers nothing (the server skips seqs up to
 * it); the `subscribed` answer still tells the session's last seq and active run. Used to learn
 * where to start before subscribing for real.
 */
export const PROBE_SEQ = Number.MAX_SAFE_INTEGER;

export type ConnectionState =
  | { kind: 'connecting' }
  | { kind: 'connected' }
  | { kind: 'reconnecting'; attempt: number; retryAt: number }
  | { kind: 'offline' };

type FrameListener = (frame: LiveFrame) => void;
type StateListener = (state: ConnectionState) => void;

const MAX_BACKOFF_MS = 30_000;

/** Backoff before reconnect attempt n (1-based): 1 s, 2 s, 4 s … up to 30 s, with ±20 % jitter. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/**
 * The one `/ws` connection of the page (same origin, the session cookie authenticates it).
 * Reconnects with exponential backoff, immediately when the browser comes back online, and
 * tells its listeners when it (re)connects so they can refetch what they may have missed.
 */
export class LiveConnection {
  private readonly socket = new JsonSocket<LiveFrame>();
  private state: ConnectionState = { kind: 'connecting' };
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private readonly frameListeners = new Set<FrameListener>();
  private readonly stateListeners = new Set<StateListener>();
  private readonly reconnectListeners = new Set<() => void>();
  private everConnected = false;
  /** Subscribed sessions and the last seq seen in each (null: a probe, nothing seen yet). */
  private readonly subscriptions = new Map<string, number | null>();

  private readonly onOnline = () => {
    if (this.stopped) return;
    this.attempt = 0;
    this.connect();
  };
  private readonly onOffline = () => {
    this.clearRetry();
    this.setState({ kind: 'offline' });
    this.socket.close();
  };

  start(): void {
    this.stopped = false;
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    if (typeof navigator !== 'undefined' && navigator.onLine === false) this.setState({ kind: 'offline' });
    else this.connect();
  }

  stop(): void {
    this.stopped = true;
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    this.clearRetry();
    this.socket.close(1000, 'bye');
  }

  getState(): ConnectionState {
    return this.state;
  }

  onFrame(l: FrameListener): () => void {
    this.frameListeners.add(l);
    return () => this.frameListeners.delete(l);
  }

  onState(l: StateListener): () => void {
    this.stateListeners.add(l);
    return () => this.stateListeners.delete(l);
  }

  /** Called after a reconnect (not the first connect): whatever was pushed meanwhile is lost. */
  onReconnect(l: () => void): () => void {
    this.reconnectListeners.add(l);
    return () => this.reconnectListeners.delete(l);
  }

  /**
   * Subscribes to a session's run events after `afterSeq` (null: only learn its last seq). The
   * subscription is renewed after every reconnect from the last seq seen, so the server replays
   * exactly what was missed.
   */
  subscribe(sessionId: string, afterSeq: number | null): void {
    this.subscriptions.set(sessionId, afterSeq);
    this.send({ type: 'subscribe', sessionId, afterSeq: afterSeq ?? PROBE_SEQ });
  }

  unsubscribe(sessionId: string): void {
    if (!this.subscriptions.delete(sessionId)) return;
    this.send({ type: 'unsubscribe', sessionId });
  }

  isSubscribed(sessionId: string): boolean {
    return this.subscriptions.has(sessionId);
  }

  /** Sends a prompt; false when the socket is not open (then use `POST /api/runs`). */
  sendPrompt(body: StartRun): boolean {
    return this.send({ type: 'send', ...body });
  }

  interrupt(runId: string): boolean {
    return this.send({ type: 'interrupt', runId });
  }

  permission(runId: string, requestId: string, decision: Decision): boolean {
    return this.send({ type: 'permission', runId, requestId, ...decision });
  }

  /** Skips the wait of a pending reconnect. */
  retryNow(): void {
    if (this.state.kind === 'reconnecting' || this.state.kind === 'offline') this.connect();
  }

  private setState(s: ConnectionState) {
    this.state = s;
    for (const l of this.stateListeners) l(s);
  }

  private clearRetry() {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private connect() {
    this.clearRetry();
    if (this.state.kind !== 'reconnecting') this.setState({ kind: 'connecting' });
    this.socket.open(wsUrl('/ws'), {
      opened: () => {
        const wasReconnect = this.everConnected;
        this.everConnected = true;
        this.attempt = 0;
        this.setState({ kind: 'connected' });
        for (const [sessionId, seq] of this.subscriptions) this.send({ type: 'subscribe', sessionId, afterSeq: seq ?? PROBE_SEQ });
        if (wasReconnect) for (const l of this.reconnectListeners) l();
      },
      frame: (frame) => {
        if (frame.type === 'event') {
          const seen = this.subscriptions.get(frame.sessionId);
          if (seen !== undefined && seen !== null && frame.seq > seen) this.subscriptions.set(frame.sessionId, frame.seq);
        }
        for (const l of this.frameListeners) l(frame);
      },
      closed: () => this.scheduleReconnect(),
    });
  }

  private scheduleReconnect() {
    this.clearRetry();
    if (this.stopped) return;
    if (typeof navigator !== 'undefined' && navigator.onLine === false) {
      this.setState({ kind: 'offline' });
      return;
    }
    this.attempt += 1;
    const wait = backoffMs(this.attempt);
    this.setState({ kind: 'reconnecting', attempt: this.attempt, retryAt: Date.now() + wait });
    this.retryTimer = setTimeout(() => this.connect(), wait);
  }

  private send(frame: unknown): boolean {
    return this.socket.send(frame);
  }
}
