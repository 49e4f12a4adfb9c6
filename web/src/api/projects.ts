import { request } from './client';
import type { components } from './schema.gen';
import { readSse } from './sse';
import type { Project } from './types';

// New projects: an empty folder, or a clone followed over SSE (docs/api.md "New projects").
export type Clone = components['schemas']['Clone'];

const enc = encodeURIComponent;

export const createProject = (name: string, gitInit: boolean, parent?: string) =>
  request<Project>('POST', '/projects/new', parent ? { name, gitInit, parent } : { name, gitInit });
export const startClone = (url: string, name?: string, parent?: string) =>
  request<Clone>('POST', '/projects/clone', { url, ...(name ? { name } : {}), ...(parent ? { parent } : {}) });
export const getClone = (id: string) => request<Clone>('GET', `/clones/${enc(id)}`);
export const cancelClone = (id: string) => request<Clone>('POST', `/clones/${enc(id)}/cancel`);

/**
 * Calls `onUpdate` with the clone now and at every change until it ends, over the SSE stream of
 * GET /api/clones/{id}; when the stream cannot be read (an old proxy), it reads the clone once a second.
 * Returns a function that stops following (not the clone).
 */
export function followClone(id: string, onUpdate: (clone: Clone) => void): () => void {
  const abort = new AbortController();
  let stopped = false;
  const done = (c: Clone) => c.state !== 'running';

  async function poll() {
    while (!stopped) {
      try {
        const clone = await getClone(id);
        onUpdate(clone);
        if (done(clone)) return;
      } catch {
        return;
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  }

  async function stream() {
    let last: Clone | null = null;
    try {
      const res = await fetch(`/api/clones/${enc(id)}`, {
        headers: { Accept: 'text/event-stream' }, credentials: 'same-origin', signal: abort.signal,
      });
      if (!res.ok || !res.body) throw new Error('no stream');
      for await (const { data } of readSse(res.body)) {
        last = JSON.parse(data) as Clone;
        onUpdate(last);
      }
    } catch {
      // Aborted, or no stream to read: polling tells the rest.
    }
    if (!stopped && (!last || !done(last))) await poll();
  }

  void stream();
  return () => {
    stopped = true;
    abort.abort();
  };
}

export const getProject = (id: string) => request<Project>('GET', `/projects/${enc(id)}`);

// ---- worktrees: each linked one a project of its own, under its parent ----
export type Worktree = components['schemas']['Worktree'];
export const listWorktrees = (projectId: string) =>
  request<{ items: Worktree[] }>('GET', `/projects/${enc(projectId)}/worktrees`);
export const createWorktree = (projectId: string, branch: string, newBranch: boolean) =>
  request<Project>('POST', `/projects/${enc(projectId)}/worktrees`, { branch, newBranch });
export const removeWorktree = (projectId: string, worktreeId: string, force: boolean) =>
  request<void>('DELETE', `/projects/${enc(projectId)}/worktrees/${enc(worktreeId)}${force ? '?force=true' : ''}`);
