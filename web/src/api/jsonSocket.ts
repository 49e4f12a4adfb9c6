const PING_EVERY_MS = 25_000;

/** `ws:`/`wss:` address of a path on the page's own server (the session cookie authenticates it). */
export function wsUrl(path: string): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}${path}`;
}

export interface JsonSocketHandlers<F> {
  opened(): void;
  frame(frame: F): void;
  /** The socket closed, or could not even be made; `code` is the close code when there was one. */
  closed(code: number | undefined): void;
}

/**
 * The current WebSocket of a client that reconnects (the page's `/ws`, a terminal's
 * `/ws/terminal`): JSON text frames both ways and a ping every 25 s while open. Opening again or
 * closing retires the previous socket, and a retired socket's late callbacks are ignored.
 */
export class JsonSocket<F> {
  private socket: WebSocket | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;

  open(url: string, handlers: JsonSocketHandlers<F>): void {
    this.close();
    let ws: WebSocket;
    try {
      ws = new WebSocket(url);
    } catch {
      handlers.closed(undefined);
      return;
    }
    this.socket = ws;
    ws.onopen = () => {
      if (this.socket !== ws) return;
      this.pingTimer = setInterval(() => this.send({ type: 'ping' }), PING_EVERY_MS);
      handlers.opened();
    };
    ws.onmessage = (e: MessageEvent) => {
      if (this.socket !== ws || typeof e.data !== 'string') return;
      let frame: F;
      try {
        frame = JSON.parse(e.data) as F;
      } catch {
        return;
      }
      handlers.frame(frame);
    };
    ws.onclose = (e: CloseEvent) => {
      if (this.socket !== ws) return;
      this.retire();
      handlers.closed(e?.code);
    };
  }

  /** False when no socket is open (the frame is not sent). */
  send(frame: unknown): boolean {
    if (this.socket?.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  /** Closes the current socket without calling its handlers. */
  close(code?: number, reason?: string): void {
    const s = this.socket;
    this.retire();
    if (!s) return;
    if (code === undefined) s.close();
    else s.close(code, reason);
  }

  private retire() {
    this.socket = null;
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = null;
  }
}
