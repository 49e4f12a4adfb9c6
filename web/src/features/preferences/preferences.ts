// The signed-in person's preferences (theme, language) as the UI holds them: read from the server
// on sign-in, so every browser of theirs looks the same, and changed here at once, then saved.
// Other features read them with usePreferences(); the theme is put on the page by ../theme/theme,
// the language by ../../i18n/current.
import { useSyncExternalStore } from 'react';
import { getPreferences, putPreferences, type Preferences, type PreferencesPatch } from '../../api/preferences';
import { showLanguage, storedLanguageChoice } from '../../i18n/current';
import { applyTheme, storedThemeChoice } from '../theme/theme';

// Until the server answers: this browser's last theme and language (null when it showed the browser's).
let current: Preferences = { theme: storedThemeChoice(), language: storedLanguageChoice() };
/** Counts reads and changes, so that an answer overtaken by a later one is not shown. */
let latest = 0;
const listeners = new Set<() => void>();

function set(next: Preferences) {
  applyTheme(next.theme);
  showLanguage(next.language);
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
  showLanguage(current.language);
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
