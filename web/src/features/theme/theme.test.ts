import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeSystemTheme } from '../../test/matchMedia';
import { applyTheme, effectiveTheme, onThemeChange, storedThemeChoice, THEME_STORAGE_KEY } from './theme';

const themeColor = () =>
  [...document.head.querySelectorAll<HTMLMetaElement>('meta[name="theme-color"]')].map((m) => ({
    content: m.content,
    media: m.getAttribute('media'),
  }));

beforeEach(() => {
  window.localStorage.clear();
  document.documentElement.removeAttribute('data-theme');
  // What index.html has before the app runs: one colour per system setting.
  document.head.innerHTML =
    '<meta name="theme-color" content="#f6f7f9" media="(prefers-color-scheme: light)" />' +
    '<meta name="theme-color" content="#16181d" media="(prefers-color-scheme: dark)" />';
});
afterEach(() => vi.unstubAllGlobals());

describe('the theme on the page', () => {
  it('puts a fixed choice on <html data-theme> whatever the system says, and colours the browser bar with it', () => {
    const system = fakeSystemTheme(true);
    applyTheme('light');
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(themeColor()).toEqual([{ content: '#f6f7f9', media: null }]);
    expect(system.listening()).toBe(0);

    system.change(false);
    applyTheme('dark');
    expect(effectiveTheme()).toBe('dark');
    expect(themeColor()).toEqual([{ content: '#16181d', media: null }]);
    system.change(false);
    expect(effectiveTheme()).toBe('dark');
  });

  it('follows the system live under "system", and stops when a fixed theme is chosen', () => {
    const system = fakeSystemTheme(true);
    const heard: string[] = [];
    const stop = onThemeChange((theme) => heard.push(theme));
    applyTheme('system');
    expect(effectiveTheme()).toBe('dark');

    system.change(false);
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(themeColor()).toEqual([{ content: '#f6f7f9', media: null }]);
    system.change(true);
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(heard).toEqual(['dark', 'light', 'dark']);

    applyTheme('light');
    expect(system.listening()).toBe(0);
    system.change(true);
    expect(effectiveTheme()).toBe('light');
    stop();
    applyTheme('dark');
    expect(heard).toEqual(['dark', 'light', 'dark', 'light']);
  });

  it('remembers the choice on this browser for the next first paint, and ignores what it does not know', () => {
    fakeSystemTheme(false);
    expect(storedThemeChoice()).toBe('system');
    applyTheme('dark');
    expect(window.localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
    expect(storedThemeChoice()).toBe('dark');
    window.localStorage.setItem(THEME_STORAGE_KEY, 'sepia');
    expect(storedThemeChoice()).toBe('system');
  });
});
