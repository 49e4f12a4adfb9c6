import { useEffect, useRef, useState } from 'react';
import { TerminalClient, type TerminalLike, type TerminalState } from './client';
import { useStrings } from '../../i18n/catalog';
import { terminalStrings } from './strings';

type TerminalWords = typeof terminalStrings.en;

/** What the tab needs from a terminal widget; the default loads xterm.js as its own chunk. */
export interface TerminalWidget {
  term: TerminalLike & { focus?: () => void };
  fit: () => void;
  dispose: () => void;
}
export type TerminalFactory = (container: HTMLElement) => Promise<TerminalWidget>;

const loadXterm: TerminalFactory = async (container) => (await import('./xterm')).mountTerminal(container);

function describe(state: TerminalState, t: TerminalWords): { text: string; tone: 'ok' | 'wait' | 'bad' } {
  switch (state.kind) {
    case 'connecting':
      return { text: t.connecting, tone: 'wait' };
    case 'open':
      return { text: t.connected, tone: 'ok' };
    case 'reconnecting':
      return { text: t.reconnecting(state.attempt), tone: 'wait' };
    case 'refused':
      return { text: t.notConnected, tone: 'bad' };
    case 'displaced':
      return { text: t.openedElsewhere, tone: 'bad' };
    case 'exited':
      return { text: t.ended(state.code), tone: 'bad' };
    case 'error':
      return { text: t.error, tone: 'bad' };
  }
}

function errorText(state: TerminalState, t: TerminalWords): string | null {
  if (state.kind === 'refused') {
    return t.refused;
  }
  if (state.kind === 'displaced') return t.displaced;
  if (state.kind === 'error') {
    if (state.code === 'TERMINAL_LIMIT') return t.tooMany(state.message);
    if (state.code === 'TERMINAL_DISABLED') return t.disabled;
    return `${state.message} (${state.code})`;
  }
  return null;
}

export function TerminalTab({ projectId, resumeSessionId, factory = loadXterm }: {
  projectId: string;
  /** Open a new terminal running `claude --resume <id>` instead of attaching the project's shell. */
  resumeSessionId?: string;
  factory?: TerminalFactory;
}) {
  const host = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<TerminalState>({ kind: 'connecting' });
  const [loadFailed, setLoadFailed] = useState(false);
  const client = useRef<TerminalClient | null>(null);
  const t = useStrings(terminalStrings);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    let cancelled = false;
    let widget: TerminalWidget | null = null;
    let observer: ResizeObserver | null = null;
    let unsub = () => {};
    factory(el)
      .then((w) => {
        if (cancelled) {
          w.dispose();
          return;
        }
        widget = w;
        const c = new TerminalClient(projectId, w.term, resumeSessionId);
        client.current = c;
        unsub = c.onState(setState);
        c.start();
        const refit = () => {
          w.fit();
          c.resize(w.term.cols, w.term.rows);
        };
        if (typeof ResizeObserver !== 'undefined') {
          observer = new ResizeObserver(() => refit());
          observer.observe(el);
        }
        w.term.focus?.();
      })
      .catch(() => !cancelled && setLoadFailed(true));
    return () => {
      cancelled = true;
      observer?.disconnect();
      unsub();
      client.current?.dispose();
      client.current = null;
      widget?.dispose();
    };
  }, [projectId, resumeSessionId, factory]);

  const { text, tone } = describe(state, t);
  const problem = loadFailed ? t.loadFailed : errorText(state, t);
  return (
    <section className="terminal-tab" aria-label={t.terminal}>
      <div className="terminal-bar">
        <span className={`term-state term-${tone}`} role="status" aria-live="polite">
          <span className="conn-dot" aria-hidden="true" />
          {text}
        </span>
        <span className="terminal-actions">
          {(state.kind === 'refused' || state.kind === 'displaced' || state.kind === 'reconnecting'
            || (state.kind === 'error' && state.code !== 'TERMINAL_DISABLED')) && (
            <button type="button" className="small" onClick={() => client.current?.retry()}>
              {state.kind === 'displaced' ? t.attachHere : t.retryNow}
            </button>
          )}
          {state.kind === 'exited' && (
            <button type="button" className="small primary" onClick={() => client.current?.restart()}>{t.newTerminal}</button>
          )}
          {state.kind === 'open' && (
            <button type="button" className="small" onClick={() => {
              if (window.confirm(t.confirmEnd)) client.current?.end();
            }}>{t.endTerminal}</button>
          )}
        </span>
      </div>
      {problem && <p className="error terminal-error" role="alert">{problem}</p>}
      <div className="terminal-host" ref={host} aria-label={t.output} />
    </section>
  );
}
