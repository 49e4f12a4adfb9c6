import { JsonSocket, wsUrl } from '../../api/jsonSocket';
import { backoffMs } from '../../api/live';

/** The part of an xterm.js Terminal the protocol needs (tests pass a mock). */
export interface TerminalLike {
  readonly cols: number;
  readonly rows: number;
  write(data: string): void;
  onData(listener: (data: string) => void): { dispose(): void };
}

export type TerminalState =
  | { kind: 'connecting' }
  | { kind: 'open'; terminalId: string }
  | { kind: 'reconnecting'; attempt: number }
  /** The upgrade was refused before any terminal opened: switched off, no access, or the server is down. */
  | { kind: 'refused' }
  /** Another tab attached the same terminal, or this sign-in ended (close code 4409). */
  | { kind: 'displaced' }
  | { kind: 'exited'; code: number }
  | { kind: 'error'; code: string; message: string };

type ServerFrame =
  | { type: 'opened'; terminalId: string }
  | { type: 'output'; seq: number; data: string }
  | { type: 'exit'; code: number }
  | { type: 'error'; code: string; message: string }
  | { type: 'pong' };

interface Saved {
  terminalId: string;
  seq: number;
}

/** Errors after which reconnecting cannot help. */
const FATAL = new Set(['TERMINAL_DISABLED', 'TERMINAL_LIMIT', 'SCOPE_REQUIRED', 'FORBIDDEN', 'NOT_FOUND']);

export const storageKey = (projectId: string) => `ccui.terminal.${projectId}`;

function load(projectId: string): Saved | null {
  try {
    const raw = sessionStorage.getItem(storageKey(projectId));
    const v = raw ? (JSON.parse(raw) as Saved) : null;
    return v && typeof v.terminalId === 'string' && typeof v.seq === 'number' ? v : null;
  } catch {
    return null;
  }
}

function save(projectId: string, v: Saved | null) {
  try {
    if (v) sessionStorage.setItem(storageKey(projectId), JSON.stringify(v));
    else sessionStorage.removeItem(storageKey(projectId));
  } catch {
    // storage full or disabled: a reload then opens a new terminal
  }
}

/**
 * One terminal of a project over `/ws/terminal`. Opens a new terminal, or re-attaches: after a
 * drop from the last seq shown, so no output is lost or shown twice; after a reload the terminal
 * remembered in sessionStorage (id and last seq) from the start of the server's scrollback, since
 * the new page's screen is empty. Disposing only detaches: the server keeps the terminal for its
 * grace period. {@link end} kills it.
 */
export class TerminalClient {
  private readonly socket = new JsonSocket<ServerFrame>();
  private state: TerminalState = { kind: 'connecting' };
  private terminalId: string | null = null;
  /**
   * The id a new terminal gets, chosen here so that it is in the socket's URL from the first
   * connection: a balancer in front of several nodes routes on it (`hash $arg_terminalId`), so
   * every reconnection reaches the node that holds the terminal.
   */
  private nextId: string | null = null;
  private lastSeq = 0;
  private attempt = 0;
  private everOpened = false;
  private stopped = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private sentSize: { cols: number; rows: number } | null = null;
  private readonly dataSub: { dispose(): void };
  private readonly listeners = new Set<(s: TerminalState) => void>();

  /**
   * @param resumeSessionId open a new terminal running `claude --resume` on this session (the
   *   server builds the command from the checked id) rather than re-attaching the remembered one
   */
  constructor(private readonly projectId: string, private readonly term: TerminalLike,
    private readonly resumeSessionId?: string) {
    // After a reload the screen is empty: re-attach the remembered terminal from the start of
    // its scrollback to draw it again (within a page, reattaching continues from the last seq).
    const saved = resumeSessionId ? null : load(projectId);
    if (saved) this.terminalId = saved.terminalId;
    this.dataSub = term.onData((data) => this.send({ type: 'input', data }));
  }

  getState(): TerminalState {
    return this.state;
  }

  onState(l: (s: TerminalState) => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  start(): void {
    this.stopped = false;
    this.connect();
  }

  /** Sends the terminal's size when it changed (call after fitting). */
  resize(cols: number, rows: number): void {
    if (this.state.kind !== 'open' || cols < 1 || rows < 1) return;
    if (this.sentSize && this.sentSize.cols === cols && this.sentSize.rows === rows) return;
    this.sentSize = { cols, rows };
    this.send({ type: 'resize', cols, rows });
  }

  /** Ends the terminal on the server (its shell gets killed; an `exit` frame follows). */
  end(): void {
    this.send({ type: 'close' });
  }

  /** Forgets the ended terminal and opens a new one. */
  restart(): void {
    this.forget();
    this.everOpened = false;
    this.attempt = 0;
    this.connect();
  }

  /** Reconnects now (after a refusal, a displacement or while waiting to retry). */
  retry(): void {
    this.attempt = 0;
    this.connect();
  }

  /** Detaches without ending the terminal. */
  dispose(): void {
    this.stopped = true;
    this.clearRetry();
    this.dataSub.dispose();
    this.socket.close(1000, 'detached');
  }

  private forget() {
    this.terminalId = null;
    this.lastSeq = 0;
    save(this.projectId, null);
  }

  private setState(s: TerminalState) {
    this.state = s;
    for (const l of this.listeners) l(s);
  }

  private clearRetry() {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private send(frame: unknown) {
    this.socket.send(frame);
  }

  private socketTerminalId(): string {
    return this.terminalId ?? (this.nextId ??= crypto.randomUUID());
  }

  private openOrAttach() {
    if (this.terminalId) this.send({ type: 'attach', terminalId: this.terminalId, afterSeq: this.lastSeq });
    else {
      this.send({
        type: 'open', cols: this.term.cols, rows: this.term.rows, terminalId: this.socketTerminalId(),
        ...(this.resumeSessionId ? { resumeSessionId: this.resumeSessionId } : {}),
      });
    }
  }

  private connect() {
    this.clearRetry();
    if (this.state.kind !== 'reconnecting') this.setState({ kind: 'connecting' });
    const query = `projectId=${encodeURIComponent(this.projectId)}&terminalId=${encodeURIComponent(this.socketTerminalId())}`;
    this.socket.open(wsUrl(`/ws/terminal?${query}`), {
      opened: () => this.openOrAttach(),
      frame: (frame) => this.received(frame),
      closed: (code) => this.dropped(code),
    });
  }

  private received(frame: ServerFrame) {
    switch (frame.type) {
      case 'opened':
        if (frame.terminalId !== this.terminalId) this.lastSeq = 0;
        this.terminalId = frame.terminalId;
        this.nextId = null;
        this.everOpened = true;
        this.attempt = 0;
        this.sentSize = null;
        save(this.projectId, { terminalId: frame.terminalId, seq: this.lastSeq });
        this.setState({ kind: 'open', terminalId: frame.terminalId });
        // the window may have changed size while detached
        this.resize(this.term.cols, this.term.rows);
        break;
      case 'output':
        if (frame.seq <= this.lastSeq) return; // already shown before a drop
        this.lastSeq = frame.seq;
        this.term.write(frame.data);
        if (this.terminalId) save(this.projectId, { terminalId: this.terminalId, seq: frame.seq });
        break;
      case 'exit':
        this.forget();
        this.setState({ kind: 'exited', code: frame.code });
        break;
      case 'error':
        if (frame.code === 'NO_SUCH_TERMINAL' && this.state.kind !== 'open') {
          // the remembered terminal is gone (grace period over, or the server restarted): open a new
          // one under the same id, which routes to this very node
          const id = this.terminalId;
          this.forget();
          this.nextId = id;
          this.openOrAttach();
        } else if (FATAL.has(frame.code)) {
          this.setState({ kind: 'error', code: frame.code, message: frame.message });
          this.stopped = true;
          this.socket.close();
        } else if (this.state.kind !== 'open') {
          this.setState({ kind: 'error', code: frame.code, message: frame.message });
        }
        break;
      default:
        break;
    }
  }

  private dropped(code: number | undefined) {
    this.clearRetry();
    if (this.stopped || this.state.kind === 'exited' || this.state.kind === 'error') return;
    if (code === 4409) {
      this.setState({ kind: 'displaced' });
      return;
    }
    if (!this.everOpened && this.attempt === 0) {
      // Refused at the upgrade (403 TERMINAL_DISABLED, SCOPE_REQUIRED, no access) or no server.
      this.setState({ kind: 'refused' });
      return;
    }
    this.attempt += 1;
    this.setState({ kind: 'reconnecting', attempt: this.attempt });
    this.retryTimer = setTimeout(() => this.connect(), backoffMs(this.attempt));
  }
}
