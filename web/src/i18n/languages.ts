// The languages the UI has a complete catalogue for. The server accepts exactly these tags as a
// person's `language` preference (domain Language.SUPPORTED): add one in both places at once.

export const LANGUAGES = ['en', 'es', 'de'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** Each language in its own words: a person who cannot read the current one still finds theirs. */
export const LANGUAGE_NAMES: Record<Lang, string> = { en: 'English', es: 'Español', de: 'Deutsch' };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language to show: the person's choice when they made one, else the first of the browser's
 * languages we have (`de-AT` → `de`, `es-419` → `es`), else English.
 */
export function pickLanguage(chosen: string | null | undefined, browser: readonly string[]): Lang {
  if (isLang(chosen)) return chosen;
  for (const tag of browser) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    if (isLang(primary)) return primary;
  }
  return 'en';
}

export function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : navigator.language ? [navigator.language] : [];
}
