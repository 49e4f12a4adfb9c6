import type { McpScope, McpTransport, NewMcpServer } from '../../api/mcp';
import { stringsNow } from '../../i18n/catalog';
import { mcpStrings, type PairKind } from './strings';

// The add form's state and the checks the server makes too (domain McpServerName, McpServerSpec), so
// a slip is said before a slow CLI call; the server's own 400 message is what shows when it refuses.

/** A name=value row: an environment variable (stdio) or an HTTP header (http, sse). The value is a secret. */
export interface Pair {
  key: number;
  name: string;
  value: string;
}

export interface McpForm {
  name: string;
  scope: McpScope;
  transport: McpTransport;
  command: string;
  /** One argument a line. */
  args: string;
  env: Pair[];
  url: string;
  headers: Pair[];
}

export const emptyForm = (scope: McpScope = 'local', transport: McpTransport = 'stdio'): McpForm => ({
  name: '', scope, transport, command: '', args: '', env: [], url: '', headers: [],
});

const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,128}$/;
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const CONTROL = /[\u0000-\u001f\u007f]/;
const MAX_ENTRIES = 64;
const MAX_ARGS = 64;

/** The form's field that is wrong and why, or null when the server may be asked. */
export type FormError = { field: 'name' | 'command' | 'args' | 'env' | 'url' | 'headers'; message: string } | null;

/** Rows with neither a name nor a value are left out (an "Add" pressed once too often). */
const filled = (pairs: Pair[]) => pairs.filter((p) => p.name.trim() || p.value);

const argList = (args: string) => args.split('\n').map((a) => a.replace(/\r$/, '')).filter((a) => a.trim() !== '');

function checkPairs(field: 'env' | 'headers', pairs: Pair[], names: RegExp, kind: PairKind): FormError {
  const t = stringsNow(mcpStrings);
  const rows = filled(pairs);
  if (rows.length > MAX_ENTRIES) return { field, message: t.tooManyPairs(kind, MAX_ENTRIES) };
  const seen = new Set<string>();
  for (const p of rows) {
    const name = p.name.trim();
    if (!names.test(name)) {
      return { field, message: field === 'env' ? t.badVariableName(name) : t.badHeaderName(name) };
    }
    if (seen.has(name.toLowerCase())) return { field, message: t.givenTwice(kind, name) };
    seen.add(name.toLowerCase());
    if (CONTROL.test(p.value)) return { field, message: t.controlInValue(name) };
  }
  return null;
}

export function checkForm(f: McpForm): FormError {
  const t = stringsNow(mcpStrings);
  if (!NAME.test(f.name.trim())) {
    return { field: 'name', message: t.badName };
  }
  if (f.transport === 'stdio') {
    if (!f.command.trim()) return { field: 'command', message: t.noCommand };
    if (f.command.trim().length > 1000) return { field: 'command', message: t.longCommand };
    if (argList(f.args).length > MAX_ARGS) return { field: 'args', message: t.tooManyArgs(MAX_ARGS) };
    return checkPairs('env', f.env, ENV_NAME, 'variable');
  }
  const url = f.url.trim();
  if (!url) return { field: 'url', message: t.noUrl };
  if (!/^https?:\/\/[^/?#\s]+/i.test(url) || url.length > 2048) {
    return { field: 'url', message: t.badUrl };
  }
  return checkPairs('headers', f.headers, HEADER_NAME, 'header');
}

const toRecord = (pairs: Pair[]) => Object.fromEntries(filled(pairs).map((p) => [p.name.trim(), p.value]));

/** The POST body: only the transport's own fields, empty lists and maps left out. */
export function toRequest(f: McpForm): NewMcpServer {
  const base = { name: f.name.trim(), scope: f.scope, transport: f.transport };
  if (f.transport === 'stdio') {
    const args = argList(f.args);
    const env = toRecord(f.env);
    return {
      ...base,
      command: f.command.trim(),
      ...(args.length ? { args } : {}),
      ...(Object.keys(env).length ? { env } : {}),
    };
  }
  const headers = toRecord(f.headers);
  return { ...base, url: f.url.trim(), ...(Object.keys(headers).length ? { headers } : {}) };
}
