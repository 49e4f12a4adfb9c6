import { listFiles } from '../../api/workspace';
import { stringsNow } from '../../i18n/catalog';
import { composerStrings } from './Composer.strings';

export interface Suggestion {
  /** What is inserted in place of the typed token. */
  value: string;
  label: string;
  detail?: string;
}

/**
 * Built-in commands of the CLI (2.1.x, as its `system/init` lists them) that do something useful
 * in a headless run; the interactive ones (config, model, mcp, …) need its terminal UI.
 */
const SLASH_COMMANDS = [
  ['/compact', 'cmdCompact'],
  ['/context', 'cmdContext'],
  ['/usage', 'cmdUsage'],
  ['/init', 'cmdInit'],
  ['/code-review', 'cmdCodeReview'],
  ['/security-review', 'cmdSecurityReview'],
  ['/simplify', 'cmdSimplify'],
  ['/debug', 'cmdDebug'],
  ['/recap', 'cmdRecap'],
  ['/clear', 'cmdClear'],
] as const;

/** The token being completed at the caret: a slash command at the very start, or an @path anywhere. */
export function tokenAt(text: string, caret: number): { kind: 'slash' | 'file'; start: number; query: string } | null {
  const before = text.slice(0, caret);
  const slash = /^\/([\w:-]*)$/.exec(before);
  if (slash) return { kind: 'slash', start: 0, query: slash[1] };
  const at = /(^|\s)@([^\s@]*)$/.exec(before);
  if (at) return { kind: 'file', start: before.length - at[2].length - 1, query: at[2] };
  return null;
}

/** Commands that need the CLI's terminal UI: offered by no headless run, even when it lists them. */
const INTERACTIVE = new Set(['agents', 'color', 'config', 'effort', 'fast', 'focus', 'heapdump', 'mcp', 'model',
  'output-style', 'autocompact', 'auto-mode-setup', 'reload-plugins', 'reload-skills', 'rename', 'doctor',
  'insights', 'goal', 'list-agents', 'team-onboarding', 'update-config', 'loop', 'batch', 'run', 'fewer-permission-prompts']);

/**
 * The built-ins, then what the CLI announced beyond them (the project's own commands and
 * installed skills; internal names starting with "__" left out), matching the typed prefix.
 */
export function slashSuggestions(query: string, announced: string[] = []): Suggestion[] {
  const q = query.toLowerCase();
  const t = stringsNow(composerStrings);
  const builtIn = SLASH_COMMANDS.map(([value, detail]) => ({ value, label: value, detail: t[detail] }));
  const known = new Set(builtIn.map((c) => c.value.slice(1)));
  const extra = announced
    .filter((name) => !known.has(name) && !INTERACTIVE.has(name) && !name.startsWith('__'))
    .map((name) => ({ value: `/${name}`, label: `/${name}`, detail: t.cmdProject }));
  return [...builtIn, ...extra].filter((c) => c.value.slice(1).toLowerCase().startsWith(q));
}

const MAX_FILES = 20;

/**
 * Paths of the project matching what follows "@": the folder part is listed through the files
 * API (which keeps every path inside the project) and its entries are filtered by the rest.
 */
export async function fileSuggestions(projectId: string, query: string): Promise<Suggestion[]> {
  const slash = query.lastIndexOf('/');
  const dir = slash >= 0 ? query.slice(0, slash) : '';
  const part = query.slice(slash + 1).toLowerCase();
  const listing = await listFiles(projectId, dir, true);
  const starts = listing.entries.filter((e) => e.name.toLowerCase().startsWith(part));
  const contains = listing.entries.filter((e) => !e.name.toLowerCase().startsWith(part) && e.name.toLowerCase().includes(part));
  return [...starts, ...contains].slice(0, MAX_FILES).map((e) => ({
    value: e.type === 'directory' ? `@${e.path}/` : `@${e.path}`,
    label: e.type === 'directory' ? `${e.path}/` : e.path,
    detail: e.type === 'directory' ? stringsNow(composerStrings).folder : undefined,
  }));
}
