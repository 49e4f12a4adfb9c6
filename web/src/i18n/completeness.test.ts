// Every feature's catalogue, loaded the way the app loads it. TypeScript already refuses a missing or
// extra key; this catches what types cannot: an empty entry, or English copied into a translation.
import { describe, expect, it } from 'vitest';
import { definedCatalogs } from './catalog';
import { LANGUAGES } from './languages';

const files = import.meta.glob('../**/*strings.ts', { eager: true });

/** Words that read the same in every language (names, protocols, file formats, symbols). */
const SAME_EVERYWHERE = /^[\s\d\p{P}\p{S}]*$|^(API|Git|Git\w*|MCP|HTTP|HTTPS|SSE|stdio|URL|JSON|CSV|PDF|ZIP|Markdown|CLAUDE\.md|OK|Claude|System|Admin|Token|Tokens|Name|Status|Branch|Stash|Stashes|Worktree|Worktrees|Commit|Push|Pull|Fetch|Plan|Model|Chat|Shell|Terminal|Audit|Hunk|Diff|Level|Scope|Server|Server\w*|Header|Headers|Transport|Cache|IP|Error)$/u;

function sample(entry: unknown): string {
  if (typeof entry === 'string') return entry;
  // A function entry: called with placeholder values, which are the same in every language.
  return (entry as (...args: unknown[]) => string)('〈1〉', '〈2〉', '〈3〉');
}

describe('the catalogues', () => {
  const catalogs = definedCatalogs();

  it('are all loaded', () => {
    expect(Object.keys(files).length).toBeGreaterThan(0);
    expect(catalogs.length).toBeGreaterThanOrEqual(Object.keys(files).length);
  });

  it('have every entry in every language, none empty', () => {
    for (const catalog of catalogs) {
      const keys = Object.keys(catalog.en);
      for (const lang of LANGUAGES) {
        expect(Object.keys(catalog[lang])).toEqual(keys);
        for (const key of keys) expect(sample(catalog[lang][key]).trim(), `${lang}.${key}`).not.toBe('');
      }
    }
  });

  it('translate rather than copy the English', () => {
    const copied: string[] = [];
    for (const catalog of catalogs) {
      for (const key of Object.keys(catalog.en)) {
        const english = sample(catalog.en[key]);
        if (SAME_EVERYWHERE.test(english.trim())) continue;
        for (const lang of LANGUAGES.filter((l) => l !== 'en')) {
          if (sample(catalog[lang][key]) === english) copied.push(`${lang}.${key}: ${english}`);
        }
      }
    }
    expect(copied).toEqual([]);
  });
});
