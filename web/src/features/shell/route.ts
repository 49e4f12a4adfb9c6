import { useEffect, useState } from 'react';

export type Route =
  | { page: 'home' }
  | { page: 'project'; projectId: string; tab?: ToolTab; /** A session the terminal opens with `claude --resume`. */ resume?: string }
  | { page: 'session'; projectId: string; sessionId: string; /** A search to open the session at. */ query?: string }
  | { page: 'new-session'; projectId: string; /** Start it as a fork of this session. */ forkFrom?: string }
  | { page: 'mcp'; projectId: string }
  | { page: 'password' | 'api-keys' | 'notifications' | 'permission-rules' | 'usage' | 'users' | 'audit' };

const PAGES = ['password', 'api-keys', 'notifications', 'permission-rules', 'usage', 'users', 'audit'] as const;

/** The tool tabs of a project next to its chat history. */
export const TOOL_TABS = ['terminal', 'files', 'git'] as const;
export type ToolTab = (typeof TOOL_TABS)[number];

export function parseRoute(hash: string): Route {
  const [path, search = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const parts = path.split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  if (parts[0] === 'p' && parts[1]) {
    if (parts[2] === 's' && parts[3]) {
      const query = new URLSearchParams(search).get('q')?.trim();
      return query ? { page: 'session', projectId: parts[1], sessionId: parts[3], query } : { page: 'session', projectId: parts[1], sessionId: parts[3] };
    }
    if (parts[2] === 'new') {
      const forkFrom = new URLSearchParams(search).get('fork')?.trim();
      return forkFrom ? { page: 'new-session', projectId: parts[1], forkFrom } : { page: 'new-session', projectId: parts[1] };
    }
    if (parts[2] === 'mcp') return { page: 'mcp', projectId: parts[1] };
    const tab = TOOL_TABS.find((t) => t === parts[2]);
    const resume = tab === 'terminal' ? new URLSearchParams(search).get('resume')?.trim() : undefined;
    if (tab && resume) return { page: 'project', projectId: parts[1], tab, resume };
    return tab ? { page: 'project', projectId: parts[1], tab } : { page: 'project', projectId: parts[1] };
  }
  const page = PAGES.find((p) => p === parts[0]);
  return page ? { page } : { page: 'home' };
}

export function projectHref(projectId: string): string {
  return `#/p/${encodeURIComponent(projectId)}`;
}

export function toolHref(projectId: string, tab: ToolTab): string {
  return `${projectHref(projectId)}/${tab}`;
}

/** The project's terminal running `claude --resume <session>` (the server checks the session is the project's). */
export function resumeInShellHref(projectId: string, sessionId: string): string {
  return `${toolHref(projectId, 'terminal')}?${new URLSearchParams({ resume: sessionId })}`;
}

/** The project's MCP servers (the claude CLI's, for the signed-in person). */
export function mcpHref(projectId: string): string {
  return `${projectHref(projectId)}/mcp`;
}

export function newSessionHref(projectId: string): string {
  return `${projectHref(projectId)}/new`;
}

/** A new session that starts from `sessionId`'s history (the CLI's --fork-session). */
export function forkHref(projectId: string, sessionId: string): string {
  return `${newSessionHref(projectId)}?${new URLSearchParams({ fork: sessionId })}`;
}

export function sessionHref(projectId: string, sessionId: string, query?: string): string {
  const href = `${projectHref(projectId)}/s/${encodeURIComponent(sessionId)}`;
  return query ? `${href}?${new URLSearchParams({ q: query })}` : href;
}

export function navigate(href: string): void {
  window.location.hash = href.replace(/^#/, '');
}

export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return route;
}
