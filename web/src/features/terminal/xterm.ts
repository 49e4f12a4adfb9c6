// The xterm.js part of the Terminal tab: its own chunk, loaded when the tab opens.
import { FitAddon } from '@xterm/addon-fit';
import { WebLinksAddon } from '@xterm/addon-web-links';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { installStyleBridge } from '../cspStyles';
import { effectiveTheme, onThemeChange, type EffectiveTheme } from '../theme/theme';

export interface MountedTerminal {
  term: Terminal;
  fit: () => void;
  dispose: () => void;
}

function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}

/** The terminal is dark in both themes; in the dark one it sinks into the page (the code background). */
function terminalTheme(theme: EffectiveTheme) {
  return theme === 'dark'
    ? { background: '#13151a', foreground: '#e6e8ec', cursor: cssVar('--accent', '#e0896a'), selectionBackground: '#3a3f4a' }
    : { background: '#1b1e24', foreground: '#e6e8ec', cursor: '#e0896a', selectionBackground: '#3a3f4a' };
}

export function mountTerminal(container: HTMLElement): MountedTerminal {
  const term = new Terminal({
    cursorBlink: true,
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
    fontSize: 13,
    scrollback: 5000,
    theme: terminalTheme(effectiveTheme()),
  });
  const stopFollowingTheme = onThemeChange((theme) => {
    term.options.theme = terminalTheme(theme);
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
      stopFollowingTheme();
      term.dispose();
    },
  };
}
