import { vi } from 'vitest';

/**
 * The device's light/dark setting as window.matchMedia reports it (jsdom has none): `change`
 * flips it and tells every listener, as a browser does when the system switches.
 */
export function fakeSystemTheme(dark: boolean) {
  const listeners = new Set<(event: MediaQueryListEvent) => void>();
  const query = (media: string) => ({
    media,
    get matches() {
      return media === '(prefers-color-scheme: dark)' ? dark : false;
    },
    addEventListener: (_type: string, listener: (event: MediaQueryListEvent) => void) => listeners.add(listener),
    removeEventListener: (_type: string, listener: (event: MediaQueryListEvent) => void) => listeners.delete(listener),
  });
  vi.stubGlobal('matchMedia', vi.fn(query));
  return {
    change(nowDark: boolean) {
      dark = nowDark;
      listeners.forEach((listener) => listener({ matches: nowDark } as MediaQueryListEvent));
    },
    /** How many listeners hear the system: one while the choice is `system`, none otherwise. */
    listening: () => listeners.size,
  };
}
