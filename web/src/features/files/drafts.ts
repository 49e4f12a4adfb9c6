/**
 * Edits of files not saved yet, kept per project and file for as long as the page lives: they
 * survive switching files and the project's tabs (the Files tab unmounts), and closing or
 * reloading the page asks first while any is left.
 */
export interface Draft {
  text: string;
  /** The file's sha when the edit began: saving against it refuses a file changed meanwhile. */
  baseSha: string | null;
}

const drafts = new Map<string, Draft>();
const lastOpen = new Map<string, string>();
const listeners = new Set<() => void>();
const key = (projectId: string, path: string) => `${projectId}\u0000${path}`;

export function getDraft(projectId: string, path: string): Draft | undefined {
  return drafts.get(key(projectId, path));
}

export function setDraft(projectId: string, path: string, draft: Draft): void {
  drafts.set(key(projectId, path), draft);
  listeners.forEach((l) => l());
}

export function clearDraft(projectId: string, path: string): void {
  if (drafts.delete(key(projectId, path))) listeners.forEach((l) => l());
}

/** Paths of the project's files with unsaved edits. */
export function draftPaths(projectId: string): Set<string> {
  const prefix = `${projectId}\u0000`;
  return new Set(Array.from(drafts.keys()).filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length)));
}

export function onDraftsChanged(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function unsavedCount(): number {
  return drafts.size;
}

/** The file open when the Files tab was left, to open it again when the tab comes back. */
export function lastOpenFile(projectId: string): string | null {
  return lastOpen.get(projectId) ?? null;
}

export function rememberOpenFile(projectId: string, path: string | null): void {
  if (path) lastOpen.set(projectId, path);
  else lastOpen.delete(projectId);
}

/** Closing or reloading the page with unsaved edits: the browser asks first. */
export function warnBeforeUnload(e: BeforeUnloadEvent): void {
  if (drafts.size === 0) return;
  e.preventDefault();
  // Older browsers show the dialog only when returnValue is set.
  e.returnValue = '';
}

if (typeof window !== 'undefined') window.addEventListener('beforeunload', warnBeforeUnload);
