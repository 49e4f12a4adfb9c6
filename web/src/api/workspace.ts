import { request } from './client';

// ---- files ----
export interface FileEntry {
  name: string;
  /** Relative to the project root. */
  path: string;
  type: 'file' | 'directory' | 'symlink';
  size: number;
  modifiedAt?: string | null;
}

export interface FileListing {
  path: string;
  entries: FileEntry[];
  truncated: boolean;
}

export interface FileContent {
  path: string;
  /** utf-8, utf-16le, utf-16be, iso-8859-1 for text; base64 for previewable images; null without content. */
  encoding: string | null;
  content: string | null;
  /** SHA-256 of the bytes: sent back as baseSha. */
  sha: string | null;
  size: number;
  binary: boolean;
  mediaType?: string;
  tooLarge: boolean;
}

const enc = encodeURIComponent;
const base = (projectId: string) => `/projects/${enc(projectId)}`;

export function listFiles(projectId: string, path: string, gitignore: boolean): Promise<FileListing> {
  const q = new URLSearchParams({ gitignore: String(gitignore) });
  if (path) q.set('path', path);
  return request<FileListing>('GET', `${base(projectId)}/files?${q}`);
}
export const readFile = (projectId: string, path: string) =>
  request<FileContent>('GET', `${base(projectId)}/files/content?${new URLSearchParams({ path })}`);
export function writeFile(projectId: string, path: string, content: string, baseSha?: string | null, encoding?: string | null) {
  const body: Record<string, string> = { content };
  if (baseSha) body.baseSha = baseSha;
  if (encoding && encoding !== 'base64') body.encoding = encoding;
  return request<{ sha: string }>('PUT', `${base(projectId)}/files/content?${new URLSearchParams({ path })}`, body);
}
export const createEntry = (projectId: string, path: string, type: 'file' | 'directory') =>
  request<{ path: string; sha: string | null }>('POST', `${base(projectId)}/files/content?${new URLSearchParams({ path })}`,
    type === 'file' ? { type, content: '' } : { type });
export const deleteEntry = (projectId: string, path: string, recursive: boolean) =>
  request<void>('DELETE', `${base(projectId)}/files/content?${new URLSearchParams({ path, recursive: String(recursive) })}`);
export const moveEntry = (projectId: string, from: string, to: string) =>
  request<void>('POST', `${base(projectId)}/files/move`, { from, to });
/** A plain same-origin URL (cookie auth) that downloads the file as bytes. */
export const downloadUrl = (projectId: string, path: string) =>
  `/api${base(projectId)}/files/content?${new URLSearchParams({ path, download: 'true' })}`;

// ---- git ----
export interface GitFile {
  path: string;
  originalPath?: string | null;
  /** git's one-letter code: M A D R C U ? or . */
  index: string;
  worktree: string;
  staged: boolean;
  untracked: boolean;
  conflicted: boolean;
}

export interface GitStatus {
  branch: string | null;
  head: string | null;
  upstream: string | null;
  ahead: number;
  behind: number;
  files: GitFile[];
}

export interface GitCommit {
  hash: string;
  authorName: string;
  authorEmail: string;
  authoredAt: string;
  subject: string;
}

export interface GitBranch {
  name: string;
  commit: string;
  current: boolean;
  upstream: string | null;
}

export const gitStatus = (projectId: string) => request<GitStatus>('GET', `${base(projectId)}/git/status`);
export const gitDiff = (projectId: string, path: string, staged: boolean) =>
  request<{ diff: string; truncated: boolean }>('GET', `${base(projectId)}/git/diff?${new URLSearchParams({ path, staged: String(staged) })}`);
export const gitLog = (projectId: string, skip: number, limit: number) =>
  request<{ items: GitCommit[] }>('GET', `${base(projectId)}/git/log?${new URLSearchParams({ skip: String(skip), limit: String(limit) })}`);
export const gitBranches = (projectId: string) => request<{ items: GitBranch[] }>('GET', `${base(projectId)}/git/branches`);
export const gitStage = (projectId: string, paths: string[]) => request<void>('POST', `${base(projectId)}/git/stage`, { paths });
export const gitUnstage = (projectId: string, paths: string[]) => request<void>('POST', `${base(projectId)}/git/unstage`, { paths });
export const gitCommit = (projectId: string, message: string) =>
  request<{ hash: string }>('POST', `${base(projectId)}/git/commit`, { message });
export const gitCheckout = (projectId: string, branch: string) => request<void>('POST', `${base(projectId)}/git/checkout`, { branch });
export const gitCreateBranch = (projectId: string, name: string, checkout: boolean) =>
  request<{ name: string }>('POST', `${base(projectId)}/git/branch`, { name, checkout });
