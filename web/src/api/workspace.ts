import { request } from './client';
import type { components } from './schema.gen';
import type { ResponseOf } from './types';

// The shapes come from the OpenAPI document (see types.ts).
type Schemas = components['schemas'];

// ---- files ----
export type FileEntry = Schemas['FileEntry'];
export type FileListing = Schemas['FileListing'];
export type FileContent = Schemas['FileContent'];

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
  return request<ResponseOf<'writeFile', 200>>('PUT', `${base(projectId)}/files/content?${new URLSearchParams({ path })}`, body);
}
export const createEntry = (projectId: string, path: string, type: 'file' | 'directory') =>
  request<ResponseOf<'createFile', 201>>('POST', `${base(projectId)}/files/content?${new URLSearchParams({ path })}`,
    type === 'file' ? { type, content: '' } : { type });
export const deleteEntry = (projectId: string, path: string, recursive: boolean) =>
  request<void>('DELETE', `${base(projectId)}/files/content?${new URLSearchParams({ path, recursive: String(recursive) })}`);
export const moveEntry = (projectId: string, from: string, to: string) =>
  request<void>('POST', `${base(projectId)}/files/move`, { from, to });
/** A plain same-origin URL (cookie auth) that downloads the file as bytes. */
export const downloadUrl = (projectId: string, path: string) =>
  `/api${base(projectId)}/files/content?${new URLSearchParams({ path, download: 'true' })}`;

// ---- git ----
export type GitFile = Schemas['GitFile'];
export type GitStatus = Schemas['GitStatus'];
export type GitCommit = Schemas['GitCommit'];
export type GitBranch = Schemas['GitBranch'];

export const gitStatus = (projectId: string) => request<GitStatus>('GET', `${base(projectId)}/git/status`);
export const gitDiff = (projectId: string, path: string, staged: boolean) =>
  request<ResponseOf<'gitDiff', 200>>('GET', `${base(projectId)}/git/diff?${new URLSearchParams({ path, staged: String(staged) })}`);
export const gitLog = (projectId: string, skip: number, limit: number) =>
  request<ResponseOf<'gitLog', 200>>('GET', `${base(projectId)}/git/log?${new URLSearchParams({ skip: String(skip), limit: String(limit) })}`);
export const gitBranches = (projectId: string) => request<ResponseOf<'gitBranches', 200>>('GET', `${base(projectId)}/git/branches`);
export const gitStage = (projectId: string, paths: string[]) => request<void>('POST', `${base(projectId)}/git/stage`, { paths });
export const gitUnstage = (projectId: string, paths: string[]) => request<void>('POST', `${base(projectId)}/git/unstage`, { paths });
export const gitCommit = (projectId: string, message: string) =>
  request<ResponseOf<'gitCommit', 201>>('POST', `${base(projectId)}/git/commit`, { message });
export const gitCheckout = (projectId: string, branch: string) => request<void>('POST', `${base(projectId)}/git/checkout`, { branch });
export const gitCreateBranch = (projectId: string, name: string, checkout: boolean) =>
  request<ResponseOf<'gitCreateBranch', 201>>('POST', `${base(projectId)}/git/branch`, { name, checkout });
