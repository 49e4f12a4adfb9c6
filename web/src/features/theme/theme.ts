// The theme on the page: <html data-theme> is always the effective one ("light" or "dark"), which
// styles.css, the terminal and the browser's theme-color follow. "system" tracks the device's
// setting live. The choice is also kept in localStorage, only so that public/theme-boot.js can
// put it on the page before the stylesheet paints; the person's choice lives on the server.
import type { ThemeChoice } from '../../api/preferences';

export type EffectiveTheme = 'light' | 'dark';

export const THEME_STORAGE_KEY = 'ccui.theme';
const CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];
/** The page background of each theme when the stylesheet cannot be asked (no CSS loaded yet). */
const FALLBACK_BACKGROUND: Record<EffectiveTheme, string> = { light: '#f6f7f9', dark: '#16181d' };

const listeners = new Set<(theme: EffectiveTheme) => void>();
/** The device's setting while the choice is `system`, heard live; null otherwise. */
let systemQuery: MediaQueryList | null = null;

function isChoice(value: unknown): value is ThemeChoice {
  return typeof value === 'string' && (CHOICES as readonly string[]).includes(value);
}

/** What this browser last showed (before the server has answered), `system` when nothing is known. */
export function storedThemeChoice(): ThemeChoice {
  try {
    const stored = window.localStorage.getItem(THEME_STORAGE_KEY);
    return isChoice(stored) ? stored : 'system';
  } catch {
    return 'system';
  }
}

function systemIsDark(): boolean {
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
}

export function effectiveTheme(): EffectiveTheme {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

function backgroundOf(theme: EffectiveTheme): string {
  const bg = getComputedStyle(document.documentElement).getPropertyValue('--bg').trim();
  return bg || FALLBACK_BACKGROUND[theme];
}

/** The address bar and the installed app's title bar take the page's background, not the device's theme. */
function updateThemeColor(theme: EffectiveTheme) {
  const metas = document.head.querySelectorAll<HTMLMetaElement>('meta[name="theme-color"]');
  metas.forEach((meta, i) => {
    if (i > 0) meta.remove();
  });
  let meta = metas[0];
  if (!meta) {
    meta = document.createElement('meta');
    meta.name = 'theme-color';
    document.head.append(meta);
  }
  meta.removeAttribute('media');
  meta.content = backgroundOf(theme);
}

function show(theme: EffectiveTheme) {
  const changed = document.documentElement.dataset.theme !== theme;
  document.documentElement.dataset.theme = theme;
  updateThemeColor(theme);
  if (changed) listeners.forEach((listener) => listener(theme));
}

function onSystemChange(event: MediaQueryListEvent) {
  show(event.matches ? 'dark' : 'light');
}

function followSystem(follow: boolean) {
  systemQuery?.removeEventListener('change', onSystemChange);
  systemQuery = follow ? (window.matchMedia?.('(prefers-color-scheme: dark)') ?? null) : null;
  systemQuery?.addEventListener('change', onSystemChange);
}

/** Puts a choice on the page at once, and remembers it on this browser for the next first paint. */
export function applyTheme(choice: ThemeChoice): void {
  followSystem(choice === 'system');
  try {
    window.localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // private mode or storage full: the first paint follows the system, nothing else changes
  }
  show(choice === 'dark' || (choice === 'system' && systemIsDark()) ? 'dark' : 'light');
}

/** Hears every change of the effective theme (a choice, or the device's setting under `system`). */
export function onThemeChange(listener: (theme: EffectiveTheme) => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
