// The signed-in person's preferences (theme, language) as the UI holds them: read from the server
// on sign-in, so every browser of theirs looks the same, and changed here at once, then saved.
// Other features read them with usePreferences(); the theme is put on the page by ../theme/theme.
import { useSyncExternalStore } from 'react';
import { getPreferences, putPreferences, type Preferences, type PreferencesPatch } from '../../api/preferences';
import { applyTheme, storedThemeChoice } from '../theme/theme';

let current: Preferences = { theme: storedThemeChoice(), language: null };
/** Counts reads and changes, so that an answer overtaken by a later one is not shown. */
let latest = 0;
const listeners = new Set<() => void>();

function set(next: Preferences) {
  applyTheme(next.theme);
  current = next;
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function usePreferences(): Preferences {
  return useSyncExternalStore(subscribe, () => current);
}

/** Puts what this browser last showed on the page; called once, before the first render. */
export function showStoredTheme(): void {
  applyTheme(current.theme);
}

/** Reads the person's preferences from the server (after sign-in); a failure keeps what is shown. */
export async function loadPreferences(): Promise<void> {
  const asked = ++latest;
  try {
    const loaded = await getPreferences();
    if (asked === latest) set(loaded);
  } catch {
    // Offline or signed out meanwhile: the page keeps this browser's last theme.
  }
}

/**
 * Shows a change at once and saves it for the person. When the server refuses it (maintenance,
 * a signed-out session) the change stays on this page and the error is thrown for the caller.
 */
export async function updatePreferences(patch: PreferencesPatch): Promise<void> {
  const asked = ++latest;
  set({ ...current, ...patch });
  const saved = await putPreferences(patch);
  if (asked === latest) set(saved);
}
