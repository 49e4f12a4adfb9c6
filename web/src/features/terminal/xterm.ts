// The xterm.js part of the Terminal tab: its own chunk, loaded when the tab opens.
import { FitAddon } from '@xterm/addon-fit';
import { WebLinksAddon } from '@xterm/addon-web-links';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { installStyleBridge } from '../cspStyles';

export interface MountedTerminal {
  term: Terminal;
  fit: () => void;
  dispose: () => void;
}

function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}

export function mountTerminal(container: HTMLElement): MountedTerminal {
  const dark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  const term = new Terminal({
    cursorBlink: true,
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
    fontSize: 13,
    scrollback: 5000,
    theme: dark
      ? { background: '#13151a', foreground: '#e6e8ec', cursor: cssVar('--accent', '#e0896a'), selectionBackground: '#3a3f4a' }
      : { background: '#1b1e24', foreground: '#e6e8ec', cursor: '#e0896a', selectionBackground: '#3a3f4a' },
  });
  const fitAddon = new FitAddon();
  term.loadAddon(fitAddon);
  term.loadAddon(new WebLinksAddon((_e, uri) => window.open(uri, '_blank', 'noopener,noreferrer')));
  installStyleBridge();
  term.open(container);
  const fit = () => {
    try {
      fitAddon.fit();
    } catch {
      // not laid out yet
    }
  };
  fit();
  return {
    term,
    fit,
    dispose: () => {
      term.dispose();
    },
  };
}
