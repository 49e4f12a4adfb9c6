import { afterEach, describe, expect, it } from 'vitest';
import { currentLanguage, LANGUAGE_STORAGE_KEY, showLanguage, storedLanguageChoice } from './current';
import { formatCost, formatDate, formatNumber, relativeTime } from './format';
import { pickLanguage } from './languages';

describe('pickLanguage', () => {
  it('takes the person’s choice over the browser’s', () => {
    expect(pickLanguage('de', ['es-ES', 'en'])).toBe('de');
  });

  it('takes the first browser language it has a catalogue for, by its primary tag', () => {
    expect(pickLanguage(null, ['fr-FR', 'de-AT', 'es'])).toBe('de');
    expect(pickLanguage(null, ['es-419'])).toBe('es');
    expect(pickLanguage(undefined, ['EN_gb'])).toBe('en');
  });

  it('falls back to English for anything else', () => {
    expect(pickLanguage('fr', ['ja', 'zh-CN'])).toBe('en');
    expect(pickLanguage('xx', [])).toBe('en');
  });
});

describe('the language shown', () => {
  afterEach(() => showLanguage('en'));

  it('follows a choice, marks the page and is remembered by this browser', () => {
    showLanguage('es');
    expect(currentLanguage()).toBe('es');
    expect(document.documentElement.lang).toBe('es');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('es');
    expect(storedLanguageChoice()).toBe('es');

    showLanguage(null);
    expect(storedLanguageChoice()).toBeNull();
  });

  it('formats dates, numbers, costs and relative times in it', () => {
    const now = Date.parse('2026-12-03T12:00:00Z');
    const fiveMinutesAgo = new Date(now - 5 * 60_000).toISOString();

    showLanguage('en');
    expect(relativeTime(fiveMinutesAgo, now)).toBe('5 min ago');
    expect(formatNumber(12345.5)).toBe('12,345.5');
    expect(formatCost(1.5)).toBe('$1.50');

    showLanguage('de');
    expect(relativeTime(fiveMinutesAgo, now)).toBe('vor 5 Min.');
    expect(formatNumber(12345.5)).toBe('12.345,5');
    expect(formatCost(1.5)).toMatch(/^1,50\s\$$/);
    expect(formatDate('2026-12-03T12:00:00Z')).toMatch(/^3\.12\.2026/);

    showLanguage('es');
    expect(relativeTime(new Date(now - 10_000).toISOString(), now)).toBe('ahora mismo');
    expect(formatCost(0.001)).toBe('< 0,01 US$');
  });
});
