import { ApiError } from '../../api/client';
import type { LiveConnection, LiveFrame } from '../../api/live';
import {
  decidePermission, type Decision, getRun, interruptRun, listActiveRuns, sendOrQueue, startRun, type ImageInput, type LoggedEvent,
  type QueuedMessage, type StartRun,
} from '../../api/runs';
import { acceptTurn, applyEvent, dropPending, EMPTY_SESSION, pendingPermissions, pendingTurn, type SessionLive } from './turns';
import type { DocumentInput } from './documents';

/** Where the live turn of a chat not yet started (the "New session" page) is kept until the server names its session. */
export const draftKey = (projectId: string) => `new:${projectId}`;

/** How long a `send` frame may wait for `accepted` before the prompt goes through REST (same clientMessageId: no double run). */
const ACCEPT_TIMEOUT_MS = 10_000;

export interface SendOptions {
  key: string;
  projectId: string;
  sessionId: string | null;
  prompt: string;
  images: (ImageInput & { preview: string })[];
  /** PDFs and text files, sent as `attachments`. */
  documents?: DocumentInput[];
  model?: string;
  effort?: StartRun['effort'];
  permissionMode?: StartRun['permissionMode'];
  /** The session's turn runs (or messages wait): queue the prompt behind it rather than be refused. */
  queue?: boolean;
  /** A new session that starts from this session's history. */
  forkFrom?: string;
}

export type Notable =
  | { kind: 'permission'; sessionId: string; projectId: string | null; toolName: string; at: string }
  | { kind: 'ended'; sessionId: string; projectId: string | null; reason: string; at: string };

export interface PendingApproval {
  sessionId: string;
  projectId: string | null;
  count: number;
}

class LostReply extends Error {}

/** crypto.randomUUID exists only in secure contexts; a self-hosted server may be reached over plain HTTP on a LAN. */
function newClientMessageId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The queue as known here plus a message the server just queued (its event may come later). */
function queuedAfter(queue: SessionLive['queue'], message: QueuedMessage | undefined): SessionLive['queue'] {
  if (!message) return queue;
  const known = queue ?? [];
  return known.some((m) => m.id === message.id) ? known : [...known, message];
}

const nextFrame: (cb: () => void) => unknown =
  typeof requestAnimationFrame === 'function' ? (cb) => requestAnimationFrame(cb) : (cb) => setTimeout(cb, 16);

/**
 * The live chats of the page: one state per session, fed by the `/ws` event frames. Frames are
 * applied as they come, but listeners hear about it at most once per animation frame, so a run
 * streaming thousands of deltas re-renders the chat at the display's pace, not per delta.
 */
export class ChatStore {
  private readonly states = new Map<string, SessionLive>();
  private readonly published = new Map<string, SessionLive>();
  private readonly listeners = new Map<string, Set<() => void>>();
  private readonly anyListeners = new Set<() => void>();
  private readonly notableListeners = new Set<(n: Notable) => void>();
  private readonly dirty = new Set<string>();
  private scheduled = false;
  private readonly watchers = new Map<string, number>();
  private readonly probing = new Set<string>();
  private readonly projectOf = new Map<string, string>();
  private readonly waiting = new Map<string, { resolve: (a: { runId: string; sessionId: string }) => void; reject: (e: Error) => void }>();
  private pendingSnapshot: PendingApproval[] = [];
  private readonly created = new Set<string>();
  private notice: string | null = null;
  private readonly disposers: (() => void)[] = [];

  constructor(private readonly conn: LiveConnection) {
    this.disposers.push(conn.onFrame((f) => this.onFrame(f)));
    this.disposers.push(conn.onState((s) => {
      if (s.kind !== 'connected') for (const w of this.waiting.values()) w.reject(new LostReply());
    }));
  }

  dispose(): void {
    this.disposers.forEach((d) => d());
  }

  // ---- reading ----

  get(key: string): SessionLive {
    return this.published.get(key) ?? EMPTY_SESSION;
  }

  /** Applied state, including what is not yet published to the screen. */
  current(key: string): SessionLive {
    return this.states.get(key) ?? EMPTY_SESSION;
  }

  listen(key: string, l: () => void): () => void {
    const set = this.listeners.get(key) ?? new Set();
    set.add(l);
    this.listeners.set(key, set);
    return () => set.delete(l);
  }

  /** Sessions with a permission request nobody answered yet. */
  pendingApprovals(): PendingApproval[] {
    return this.pendingSnapshot;
  }

  listenAny(l: () => void): () => void {
    this.anyListeners.add(l);
    return () => this.anyListeners.delete(l);
  }

  /** Runs that ended and permission requests, as they arrive (for notifications). */
  onNotable(l: (n: Notable) => void): () => void {
    this.notableListeners.add(l);
    return () => this.notableListeners.delete(l);
  }

  /** A failure the server reported on the socket without naming a prompt (an interrupt or decision that came too late). */
  getNotice(): string | null {
    return this.notice;
  }

  clearNotice(): void {
    this.notice = null;
    this.anyListeners.forEach((l) => l());
  }

  /**
   * True once, for the first chat opened on a session this page just created: the transcript
   * index learns of it only after the CLI wrote to it.
   */
  takeJustCreated(sessionId: string): boolean {
    return this.created.delete(sessionId);
  }

  /** What {@link takeJustCreated} would answer, without taking it (for a first render). */
  isJustCreated(sessionId: string): boolean {
    return this.created.has(sessionId);
  }

  // ---- subscriptions ----

  /** A chat on screen shows this session: keep it subscribed while it is shown. */
  watch(sessionId: string, projectId: string): () => void {
    this.projectOf.set(sessionId, projectId);
    this.watchers.set(sessionId, (this.watchers.get(sessionId) ?? 0) + 1);
    this.ensureSubscribed(sessionId);
    return () => {
      const n = (this.watchers.get(sessionId) ?? 1) - 1;
      if (n > 0) return void this.watchers.set(sessionId, n);
      this.watchers.delete(sessionId);
      if (this.releaseIfIdle(sessionId)) {
        // Nobody shows the chat now: when it opens again, its history has these turns, and it
        // subscribes afresh (from the active run's start, or from then on).
        this.states.delete(sessionId);
        this.schedule(sessionId);
      }
    };
  }

  /** Follows the caller's active runs, so that their approvals show on every screen. */
  async trackActiveRuns(): Promise<void> {
    try {
      const { items } = await listActiveRuns();
      for (const run of items) {
        this.projectOf.set(run.sessionId, run.projectId);
        this.ensureSubscribed(run.sessionId);
      }
    } catch {
      // the banner is a convenience: the chat itself still subscribes
    }
  }

  private ensureSubscribed(sessionId: string, afterSeq?: number) {
    if (this.conn.isSubscribed(sessionId)) return;
    if (afterSeq !== undefined) return this.conn.subscribe(sessionId, afterSeq);
    this.probing.add(sessionId);
    this.conn.subscribe(sessionId, null);
  }

  /** Unsubscribes a session nobody shows and nothing runs in; true if it did. */
  private releaseIfIdle(sessionId: string): boolean {
    if (this.watchers.has(sessionId)) return false;
    const s = this.current(sessionId);
    if (s.turns.some((t) => t.ended === null)) return false;
    this.probing.delete(sessionId);
    this.conn.unsubscribe(sessionId);
    return true;
  }

  /** The session's history now holds these turns: stop showing them live. */
  retire(sessionId: string, keys: string[]): void {
    if (keys.length === 0) return;
    this.update(sessionId, (s) => ({ ...s, turns: s.turns.filter((t) => !keys.includes(t.key)) }));
  }

  // ---- frames ----

  private onFrame(f: LiveFrame) {
    switch (f.type) {
      case 'subscribed':
        if (this.probing.delete(f.sessionId)) this.startFrom(f.sessionId, f.lastSeq, f.activeRunFirstSeq ?? 0);
        break;
      case 'event':
        this.onEvent(f);
        break;
      case 'accepted':
        this.waiting.get(f.clientMessageId)?.resolve({ runId: f.runId, sessionId: f.sessionId });
        break;
      case 'error':
        if (f.clientMessageId && this.waiting.has(f.clientMessageId)) {
          this.waiting.get(f.clientMessageId)!.reject(new ApiError(f.code === 'RATE_LIMITED' ? 429 : 400, f.code, f.message));
        } else if (f.code !== 'UNSUPPORTED') {
          this.notice = f.message;
          this.anyListeners.forEach((l) => l());
        }
        break;
      default:
        break;
    }
  }

  /**
   * After a probe: subscribe for real from where the screen needs events: the first event of
   * the active run (a reload mid-stream shows the whole turn so far), else from now on.
   */
  private startFrom(sessionId: string, lastSeq: number, activeRunFirstSeq: number) {
    const seen = this.current(sessionId).lastSeq;
    // Shown before: replay exactly what was missed since; else the active run from its first event.
    const after = seen > 0 ? seen : activeRunFirstSeq > 0 ? activeRunFirstSeq - 1 : lastSeq;
    if (!this.conn.isSubscribed(sessionId)) return;
    this.conn.subscribe(sessionId, after);
  }

  private onEvent(e: LoggedEvent) {
    const before = this.current(e.sessionId);
    const after = applyEvent(before, e);
    if (after === before) return;
    this.states.set(e.sessionId, after);
    this.schedule(e.sessionId);
    if (!before.turns.some((t) => t.runId === e.runId)) this.learnStart(e.sessionId, e.runId);
    const ev = e.event;
    if (ev.kind === 'permission_request') this.emit({ kind: 'permission', sessionId: e.sessionId, projectId: this.projectOf.get(e.sessionId) ?? null, toolName: ev.toolName, at: e.at });
    if (ev.kind === 'run_ended') {
      this.emit({ kind: 'ended', sessionId: e.sessionId, projectId: this.projectOf.get(e.sessionId) ?? null, reason: ev.reason, at: e.at });
      this.releaseIfIdle(e.sessionId);
    }
  }

  private emit(n: Notable) {
    this.notableListeners.forEach((l) => l(n));
  }

  private update(key: string, fn: (s: SessionLive) => SessionLive) {
    this.states.set(key, fn(this.current(key)));
    this.schedule(key);
  }

  private schedule(key: string) {
    this.dirty.add(key);
    if (this.scheduled) return;
    this.scheduled = true;
    nextFrame(() => this.flush());
  }

  /** Publishes what changed since the last frame. */
  flush(): void {
    this.scheduled = false;
    const keys = Array.from(this.dirty);
    this.dirty.clear();
    for (const k of keys) {
      const s = this.states.get(k);
      if (s) this.published.set(k, s);
      else this.published.delete(k);
    }
    const pending: PendingApproval[] = [];
    for (const [sessionId, s] of this.published) {
      const count = pendingPermissions(s).length;
      if (count > 0 && !sessionId.startsWith('new:')) pending.push({ sessionId, projectId: this.projectOf.get(sessionId) ?? null, count });
    }
    const changed = pending.length !== this.pendingSnapshot.length
      || pending.some((p, i) => p.sessionId !== this.pendingSnapshot[i].sessionId || p.count !== this.pendingSnapshot[i].count);
    if (changed) this.pendingSnapshot = pending;
    for (const k of keys) this.listeners.get(k)?.forEach((l) => l());
    if (changed) this.anyListeners.forEach((l) => l());
  }

  // ---- commands ----

  /**
   * Sends a prompt; it shows at once as the user's message of a new live turn, which is
   * removed again if the server refuses the prompt (the error is thrown to the composer).
   * Resolves with the session id (new for a new session).
   */
  async send(o: SendOptions): Promise<string> {
    const clientMessageId = newClientMessageId();
    const pending = { ...pendingTurn(clientMessageId, o.prompt, o.images.map((i) => i.preview)), files: o.documents?.map((d) => d.name) ?? [] };
    this.update(o.key, (s) => ({ ...s, turns: [...s.turns, pending] }));
    const body: StartRun = { projectId: o.projectId, sessionId: o.sessionId, prompt: o.prompt, clientMessageId };
    if (o.images.length) body.images = o.images.map(({ mediaType, data }) => ({ mediaType, data }));
    if (o.documents?.length) body.attachments = o.documents.map(({ name, mediaType, data }) => ({ name, mediaType, data }));
    if (o.model) body.model = o.model;
    if (o.effort) body.effort = o.effort;
    if (o.forkFrom) body.forkFrom = o.forkFrom;
    if (o.permissionMode) body.permissionMode = o.permissionMode;
    let accepted: { runId: string; sessionId: string };
    try {
      if (o.queue) {
        const outcome = await sendOrQueue(body);
        if (outcome.queued || !outcome.runId) {
          // It waits: the queue strip shows it (from the session's queue_changed event), not a turn.
          this.update(o.key, (s) => ({ ...dropPending(s, clientMessageId), queue: queuedAfter(s.queue, outcome.queued) }));
          return outcome.sessionId;
        }
        accepted = { runId: outcome.runId, sessionId: outcome.sessionId };
      } else {
        accepted = await this.start(body);
      }
    } catch (err) {
      this.update(o.key, (s) => dropPending(s, clientMessageId));
      throw err;
    }
    const { runId, sessionId } = accepted;
    this.projectOf.set(sessionId, o.projectId);
    if (o.key !== sessionId) {
      // The draft's turn moves to the session the server created; a new session's log is this run only.
      const draft = this.current(o.key);
      const target = this.current(sessionId);
      this.states.delete(o.key);
      this.schedule(o.key);
      this.update(sessionId, () => ({ ...target, turns: [...target.turns, ...draft.turns] }));
      this.ensureSubscribed(sessionId, o.sessionId ? undefined : 0);
      if (!o.sessionId) this.created.add(sessionId);
    }
    this.update(sessionId, (s) => acceptTurn(s, clientMessageId, runId));
    this.learnStart(sessionId, runId);
    return sessionId;
  }

  /**
   * The run's recorded start: before its first event and before the CLI wrote the prompt to the
   * transcript, so the history's messages of this turn are exactly those from then on.
   */
  private learnStart(sessionId: string, runId: string) {
    void getRun(runId).then((run) => this.update(sessionId, (s) => ({
      ...s,
      turns: s.turns.map((t) => (t.runId !== runId ? t : {
        ...t,
        startedAt: !t.startedAt || Date.parse(run.startedAt) < Date.parse(t.startedAt) ? run.startedAt : t.startedAt,
        effort: run.effort ?? t.effort,
      })),
    }))).catch(() => undefined);
  }

  private async start(body: StartRun): Promise<{ runId: string; sessionId: string }> {
    if (this.conn.getState().kind === 'connected') {
      const reply = this.awaitAccepted(body.clientMessageId);
      if (this.conn.sendPrompt(body)) {
        try {
          return await reply;
        } catch (err) {
          if (!(err instanceof LostReply)) throw err;
        }
      } else {
        this.waiting.delete(body.clientMessageId);
      }
    }
    // Without `queue` the server answers a run or an error, never a place in a queue.
    const started = await startRun(body);
    if (!started.runId) throw new ApiError(409, 'RUN_ACTIVE', 'the prompt was not started');
    return { runId: started.runId, sessionId: started.sessionId };
  }

  private awaitAccepted(clientMessageId: string): Promise<{ runId: string; sessionId: string }> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => done(() => reject(new LostReply())), ACCEPT_TIMEOUT_MS);
      const done = (f: () => void) => {
        clearTimeout(timer);
        this.waiting.delete(clientMessageId);
        f();
      };
      this.waiting.set(clientMessageId, {
        resolve: (a) => done(() => resolve(a)),
        reject: (e) => done(() => reject(e)),
      });
    });
  }

  async interrupt(runId: string): Promise<void> {
    if (!this.conn.interrupt(runId)) await interruptRun(runId);
  }

  async decide(runId: string, requestId: string, decision: Decision): Promise<void> {
    if (!this.conn.permission(runId, requestId, decision)) await decidePermission(runId, requestId, decision);
  }
}
