import type { EndReason, LoggedEvent, PermissionRequestEvent, PermissionResolvedEvent, QueueEntry, ResultEvent } from '../../api/runs';

/** One piece of a live turn, in the order it happened. */
export type TurnItem =
  | { type: 'text'; id: string; messageId: string | null; text: string; streaming: boolean; parent: string | null }
  | { type: 'thinking'; id: string; messageId: string | null; text: string; streaming: boolean; parent: string | null }
  | { type: 'tool'; id: string; name: string; input: Record<string, unknown>; parent: string | null;
      /** The saved rule that decides the call without asking, as the server matched it. */
      savedRule?: SavedRule | null;
      /** Refused without a prompt (a deny rule): the CLI's words. */
      deniedWithoutAsking?: string }
  | { type: 'permission'; id: string; runId: string; request: PermissionRequestEvent; resolved: PermissionResolvedEvent | null }
  | { type: 'error'; id: string; code: string; message: string };

export interface SavedRule {
  behavior: 'allow' | 'deny';
  rule: string;
}

export interface ToolOutput {
  content: string;
  isError: boolean;
  seq: number;
}

/** A prompt and what its run did, as far as the live events tell. */
export interface LiveTurn {
  /** The run id, or the client message id until the server accepted the prompt. */
  key: string;
  runId: string | null;
  clientMessageId: string | null;
  /** What was typed here; unknown for a run started elsewhere (the history then shows it). */
  prompt: string | null;
  images: string[];
  /** Names of the PDFs and text files sent with the prompt from here. */
  files?: string[];
  /** Server time the run started (or its first event), to tell history of this turn from older history. */
  startedAt: string | null;
  items: TurnItem[];
  outputs: Record<string, ToolOutput>;
  status: string | null;
  model: string | null;
  /** The effort level the prompt asked for (from its run), when one was chosen. */
  effort?: string | null;
  /** The CLI's commands and skills as its run announced them (names without the slash). */
  slashCommands?: string[];
  /** The CLI's permission mode as it last said (at the turn's start, or when an approved plan changed it). */
  permissionMode?: string;
  result: ResultEvent | null;
  ended: EndReason | null;
  endedAt: string | null;
}

export interface SessionLive {
  /** Highest seq applied: anything at or below it is a duplicate (replays overlap live delivery). */
  lastSeq: number;
  turns: LiveTurn[];
  /** The session's waiting messages as the last `queue_changed` said; unknown (undefined) until one came. */
  queue?: QueueEntry[];
}

export const EMPTY_SESSION: SessionLive = { lastSeq: 0, turns: [] };

export function pendingTurn(clientMessageId: string, prompt: string, images: string[]): LiveTurn {
  return {
    key: clientMessageId, runId: null, clientMessageId, prompt, images, startedAt: null, items: [], outputs: {},
    status: 'sending', model: null, result: null, ended: null, endedAt: null,
  };
}

function replaceTurn(state: SessionLive, index: number, turn: LiveTurn, lastSeq = state.lastSeq): SessionLive {
  const turns = state.turns.slice();
  turns[index] = turn;
  return { ...state, lastSeq, turns };
}

/** The server accepted a prompt sent from here: its turn now belongs to `runId`. */
export function acceptTurn(state: SessionLive, clientMessageId: string, runId: string): SessionLive {
  const i = state.turns.findIndex((t) => t.clientMessageId === clientMessageId);
  if (i < 0 || state.turns[i].runId === runId) return state;
  // Events of the run may have come first and opened a turn of their own: merge it into this one.
  const early = state.turns.find((t) => t.runId === runId && t.clientMessageId === null);
  const mine = state.turns[i];
  const merged: LiveTurn = early
    ? { ...early, key: runId, clientMessageId, prompt: mine.prompt, images: mine.images, files: mine.files }
    : { ...mine, key: runId, runId, status: mine.status === 'sending' ? 'starting' : mine.status };
  const turns = state.turns.filter((t) => t !== early);
  const j = turns.indexOf(mine);
  turns[j] = merged;
  return { ...state, turns };
}

/** A prompt the server refused: it never became a turn. */
export function dropPending(state: SessionLive, clientMessageId: string): SessionLive {
  return { ...state, turns: state.turns.filter((t) => t.clientMessageId !== clientMessageId || t.runId !== null) };
}

function updateItem(items: TurnItem[], index: number, item: TurnItem): TurnItem[] {
  const copy = items.slice();
  copy[index] = item;
  return copy;
}

function findStreaming(items: TurnItem[], type: 'text' | 'thinking', messageId: string | null): number {
  for (let i = items.length - 1; i >= 0; i--) {
    const it = items[i];
    if (it.type === type && it.streaming && it.messageId === messageId) return i;
  }
  return -1;
}

/** Output arriving means the model is answering (a "requesting" status is over), unless a request waits. */
function answering(turn: LiveTurn): string | null {
  return turn.status === 'awaiting_permission' ? turn.status : 'running';
}

function applyToTurn(turn0: LiveTurn, e: LoggedEvent): LiveTurn {
  const ev = e.event;
  const id = `${e.seq}`;
  const startedAt = turn0.startedAt ?? e.at;
  const content = ev.kind === 'assistant_delta' || ev.kind === 'assistant_text' || ev.kind === 'thinking' || ev.kind === 'tool_use' || ev.kind === 'tool_result';
  const turn = content && turn0.status !== answering(turn0) ? { ...turn0, status: answering(turn0) } : turn0;
  switch (ev.kind) {
    case 'run_started':
      return {
        ...turn, startedAt, status: 'running', model: ev.model ?? turn.model, slashCommands: ev.slashCommands ?? turn.slashCommands,
        permissionMode: ev.permissionMode ?? turn.permissionMode,
      };
    case 'assistant_delta': {
      if (ev.blockType !== 'text' && ev.blockType !== 'thinking') return turn;
      const type = ev.blockType;
      const messageId = ev.messageId ?? null;
      const i = findStreaming(turn.items, type, messageId);
      if (i >= 0) {
        const it = turn.items[i] as Extract<TurnItem, { type: 'text' | 'thinking' }>;
        return { ...turn, startedAt, items: updateItem(turn.items, i, { ...it, text: it.text + ev.text }) };
      }
      return { ...turn, startedAt, items: [...turn.items, { type, id, messageId, text: ev.text, streaming: true, parent: ev.parentToolUseId ?? null }] };
    }
    case 'assistant_text':
    case 'thinking': {
      const type = ev.kind === 'assistant_text' ? 'text' : 'thinking';
      const messageId = ev.messageId ?? null;
      const i = findStreaming(turn.items, type, messageId);
      const item = { type, id, messageId, text: ev.text, streaming: false, parent: ev.parentToolUseId ?? null } as TurnItem;
      if (i >= 0) return { ...turn, startedAt, items: updateItem(turn.items, i, { ...item, id: turn.items[i].id }) };
      return { ...turn, startedAt, items: [...turn.items, item] };
    }
    case 'tool_use':
      if (turn.items.some((it) => it.type === 'tool' && it.id === ev.toolUseId)) return turn;
      return { ...turn, startedAt, items: [...turn.items, { type: 'tool', id: ev.toolUseId, name: ev.name, input: ev.input ?? {}, parent: ev.parentToolUseId ?? null, savedRule: ev.savedRule ?? null }] };
    case 'tool_result':
      return { ...turn, startedAt, outputs: { ...turn.outputs, [ev.toolUseId]: { content: ev.content, isError: ev.isError, seq: e.seq } } };
    case 'permission_request':
      return { ...turn, startedAt, status: 'awaiting_permission', items: [...turn.items, { type: 'permission', id: ev.requestId, runId: e.runId, request: ev, resolved: null }] };
    case 'permission_resolved': {
      if (!ev.requestId && ev.decision === 'deny' && ev.toolUseId) {
        // No card was shown: the CLI refused the call on its own (a saved deny rule, its settings).
        const t = turn.items.findIndex((it) => it.type === 'tool' && it.id === ev.toolUseId);
        if (t < 0) return turn;
        const tool = turn.items[t] as Extract<TurnItem, { type: 'tool' }>;
        return { ...turn, items: updateItem(turn.items, t, { ...tool, deniedWithoutAsking: ev.message ?? 'denied' }) };
      }
      const i = turn.items.findIndex((it) => it.type === 'permission' && it.id === ev.requestId);
      if (i < 0) return turn;
      const items = updateItem(turn.items, i, { ...(turn.items[i] as Extract<TurnItem, { type: 'permission' }>), resolved: ev });
      const waiting = items.some((it) => it.type === 'permission' && !it.resolved);
      return { ...turn, items, status: waiting ? 'awaiting_permission' : 'running' };
    }
    case 'status': {
      const mode = ev.data?.permissionMode;
      return { ...turn, startedAt, status: ev.status, permissionMode: typeof mode === 'string' ? mode : turn.permissionMode };
    }
    case 'result':
      return { ...turn, startedAt, result: ev };
    case 'error':
      return { ...turn, startedAt, items: [...turn.items, { type: 'error', id, code: ev.code, message: ev.message }] };
    case 'run_ended':
      // Streaming blocks whose final event never came (interrupt, crash) are kept as they are.
      return {
        ...turn, startedAt, ended: ev.reason, endedAt: e.at, status: null,
        items: turn.items.map((it) => ((it.type === 'text' || it.type === 'thinking') && it.streaming ? { ...it, streaming: false } : it)),
      };
    default:
      return turn;
  }
}

/**
 * Applies one event frame. Frames at or below the last applied seq are ignored, so a replay
 * that overlaps what was already shown (after a reconnect) changes nothing.
 */
export function applyEvent(state: SessionLive, e: LoggedEvent): SessionLive {
  if (e.seq <= state.lastSeq) return state;
  if (e.event.kind === 'queue_changed') return applyQueue(state, e);
  let i = state.turns.findIndex((t) => t.runId === e.runId);
  if (i < 0) {
    // A prompt sent from here whose `accepted` is still on its way gets the run's events.
    i = state.turns.findIndex((t) => t.runId === null && t.clientMessageId !== null);
    if (i >= 0 && e.event.kind !== 'run_started') i = -1;
    if (i >= 0) {
      const t = state.turns[i];
      return replaceTurn(state, i, applyToTurn({ ...t, key: e.runId, runId: e.runId }, e), e.seq);
    }
    const fresh: LiveTurn = {
      key: e.runId, runId: e.runId, clientMessageId: null, prompt: null, images: [], startedAt: null, items: [],
      outputs: {}, status: null, model: null, result: null, ended: null, endedAt: null,
    };
    return { ...state, lastSeq: e.seq, turns: [...state.turns, applyToTurn(fresh, e)] };
  }
  return replaceTurn(state, i, applyToTurn(state.turns[i], e), e.seq);
}

/**
 * The queue is replaced by the one the event carries; a message that was sent opens its run's
 * turn with its prompt, so the chat shows what was asked before the run's first event.
 */
function applyQueue(state: SessionLive, e: LoggedEvent): SessionLive {
  const ev = e.event;
  if (ev.kind !== 'queue_changed') return state;
  const queued = { ...state, lastSeq: e.seq, queue: ev.items };
  if (ev.change !== 'sent' || !ev.runId) return queued;
  const runId = ev.runId;
  const i = state.turns.findIndex((t) => t.runId === runId);
  if (i >= 0) return { ...queued, turns: state.turns.map((t, j) => (j === i && t.prompt === null ? { ...t, prompt: ev.message.prompt } : t)) };
  const turn: LiveTurn = {
    key: runId, runId, clientMessageId: null, prompt: ev.message.prompt, images: [], startedAt: null, items: [],
    outputs: {}, status: 'starting', model: null, result: null, ended: null, endedAt: null,
  };
  return { ...queued, turns: [...state.turns, turn] };
}

export function pendingPermissions(state: SessionLive): Extract<TurnItem, { type: 'permission' }>[] {
  const out: Extract<TurnItem, { type: 'permission' }>[] = [];
  for (const t of state.turns) {
    if (t.ended) continue;
    for (const it of t.items) if (it.type === 'permission' && !it.resolved) out.push(it);
  }
  return out;
}

export function activeTurn(state: SessionLive): LiveTurn | null {
  for (let i = state.turns.length - 1; i >= 0; i--) if (state.turns[i].ended === null) return state.turns[i];
  return null;
}
