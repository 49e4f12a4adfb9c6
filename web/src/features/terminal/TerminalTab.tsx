/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import { useEffect, useRef, useState } from 'react';
import { TerminalClient, type TerminalLike, type TerminalState } from './client';

/** What the tab needs from a terminal widget; the default loads xterm.js as its own chunk. */
export interface TerminalWidget {
  term: TerminalLike & { focus?: () => void };
  fit: () => void;
  dispose: () => void;
}
export type TerminalFactory = (container: HTMLElement) => Promise<TerminalWidget>;

const loadXterm: TerminalFactory = async (container) => (await import('./xterm')).mountTerminal(container);

function describe(state: TerminalState): { text: string; tone: 'ok' | 'wait' | 'bad' } {
  switch (state.kind) {
    case 'connecting':
      return { text: 'Connecting…', tone: 'wait' };
    case 'open':
      return { text: 'Connected', tone: 'ok' };
    case 'reconnecting':
      return { text: `Connection lost, reconnecting (attempt ${state.attempt})…`, tone: 'wait' };
    case 'refused':
      return { text: 'Not connected', tone: 'bad' };
    case 'displaced':
      return { text: 'Opened elsewhere', tone: 'bad' };
    case 'exited':
      return { text: `Ended (exit code ${state.code})`, tone: 'bad' };
    case 'error':
      return { text: 'Error', tone: 'bad' };
  }
}

function errorText(state: TerminalState): string | null {
  if (state.kind === 'refused') {
    return 'The server refused the terminal. It may be switched off on this server (TERMINAL_DISABLED), '
      + 'your API key may lack the terminal scope, or the server is unreachable.';
  }
  if (state.kind === 'displaced') return 'This terminal was attached in another tab or window, or your sign-in ended.';
  if (state.kind === 'error') {
    if (state.code === 'TERMINAL_LIMIT') return `Too many terminals are open (TERMINAL_LIMIT): ${state.message} Close one in another tab and try again.`;
    if (state.code === 'TERMINAL_DISABLED') return 'The web terminal is switched off on this server (TERMINAL_DISABLED).';
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
  const [loadError, setLoadError] = useState<string | null>(null);
  const client = useRef<TerminalClient | null>(null);

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
      .catch(() => !cancelled && setLoadError('The terminal could not be loaded. Reload the page to try again.'));
    return () => {
      cancelled = true;
      observer?.disconnect();
      unsub();
      client.current?.dispose();
      client.current = null;
      widget?.dispose();
    };
  }, [projectId, resumeSessionId, factory]);

  const { text, tone } = describe(state);
  const problem = loadError ?? errorText(state);
  return (
    <section className="terminal-tab" aria-label="Terminal">
      <div className="terminal-bar">
        <span className={`term-state term-${tone}`} role="status" aria-live="polite">
          <span className="conn-dot" aria-hidden="true" />
          {text}
        </span>
        <span className="terminal-actions">
          {(state.kind === 'refused' || state.kind === 'displaced' || state.kind === 'reconnecting'
            || (state.kind === 'error' && state.code !== 'TERMINAL_DISABLED')) && (
            <button type="button" className="small" onClick={() => client.current?.retry()}>
              {state.kind === 'displaced' ? 'Attach here' : 'Retry now'}
            </button>
          )}
          {state.kind === 'exited' && (
            <button type="button" className="small primary" onClick={() => client.current?.restart()}>New terminal</button>
          )}
          {state.kind === 'open' && (
            <button type="button" className="small" onClick={() => {
              if (window.confirm('End this terminal? Its shell and everything running in it stop.')) client.current?.end();
            }}>End terminal</button>
          )}
        </span>
      </div>
      {problem && <p className="error terminal-error" role="alert">{problem}</p>}
      <div className="terminal-host" ref={host} aria-label="Terminal output and input" />
    </section>
  );
}
