// The language on the page now. Preferences set it (the person's choice, else the browser's); the
// last one shown is kept in localStorage so the sign-in page, before any preference is read, is in
// the language this browser last used. <html lang> follows, for screen readers and hyphenation.
import { useSyncExternalStore } from 'react';
import { browserLanguages, isLang, pickLanguage, type Lang } from './languages';

export const LANGUAGE_STORAGE_KEY = 'ccui.language';

function stored(): string | null {
  try {
    return window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null;
  }
}

/** The language this browser was last told to show, null when it showed the browser's own. */
export function storedLanguageChoice(): Lang | null {
  const tag = stored();
  return isLang(tag) ? tag : null;
}

let current: Lang = pickLanguage(stored(), browserLanguages());
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** For code outside React (stores, formatters): the language shown now. */
export function currentLanguage(): Lang {
  return current;
}

/** Re-renders the caller when the language changes. */
export function useLanguage(): Lang {
  return useSyncExternalStore(subscribe, currentLanguage);
}

/** Shows `chosen` (a tag, or null for the browser's) from now on. */
export function showLanguage(chosen: string | null | undefined): void {
  const next = pickLanguage(chosen, browserLanguages());
  try {
    if (isLang(chosen)) window.localStorage.setItem(LANGUAGE_STORAGE_KEY, chosen);
    else window.localStorage.removeItem(LANGUAGE_STORAGE_KEY);
  } catch {
    // storage refused (private mode): only the next sign-in page is in the browser's language
  }
  if (typeof document !== 'undefined') document.documentElement.lang = next;
  if (next === current) return;
  current = next;
  listeners.forEach((listener) => listener());
}
