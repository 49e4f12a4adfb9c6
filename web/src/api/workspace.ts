import { ApiError, apiErrorOf, request, streamRequest } from './client';
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
/** A new file with its content (409 ALREADY_EXISTS when something is there). */
export const createFile = (projectId: string, path: string, content: string) =>
  request<ResponseOf<'createFile', 201>>('POST', `${base(projectId)}/files/content?${new URLSearchParams({ path })}`,
    { content, type: 'file' });
export const deleteEntry = (projectId: string, path: string, recursive: boolean) =>
  request<void>('DELETE', `${base(projectId)}/files/content?${new URLSearchParams({ path, recursive: String(recursive) })}`);
export const moveEntry = (projectId: string, from: string, to: string) =>
  request<void>('POST', `${base(projectId)}/files/move`, { from, to });
/** A plain same-origin URL (cookie auth) that downloads the file as bytes. */
export const downloadUrl = (projectId: string, path: string) =>
  `/api${base(projectId)}/files/content?${new URLSearchParams({ path, download: 'true' })}`;
/** A folder (the whole project for '') as a zip, streamed by the server. */
export const zipUrl = (projectId: string, path: string) =>
  `/api${base(projectId)}/files/zip${path ? `?${new URLSearchParams({ path })}` : ''}`;

/** A file to upload and its path below the folder it is dropped in (`src/app/main.ts` for a folder drop). */
export interface UploadItem { file: File; path: string }

export interface UploadHandle {
  /** The project-relative paths written; an ApiError otherwise (409 UPLOAD_CONFLICT names `paths`). */
  done: Promise<string[]>;
  cancel: () => void;
}

/**
 * Sends the files as one multipart request. Through XMLHttpRequest rather than fetch: only it
 * reports how much of the body has been sent, which is what the progress bar shows.
 */
export function uploadFiles(projectId: string, folder: string, items: UploadItem[], overwrite: boolean,
  onProgress: (sent: number, total: number) => void): UploadHandle {
  const q = new URLSearchParams();
  if (folder) q.set('path', folder);
  if (overwrite) q.set('overwrite', 'true');
  const form = new FormData();
  // The file name carries the relative path: the server reads each part's name as its path.
  for (const item of items) form.append('files', item.file, item.path);
  const xhr = new XMLHttpRequest();
  const done = new Promise<string[]>((resolve, reject) => {
    xhr.open('POST', `/api${base(projectId)}/files/upload${q.size ? `?${q}` : ''}`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-CCUI-CSRF', '1');
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded, e.total); };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: the status says enough
      }
      if (xhr.status === 201) resolve((body as { paths: string[] }).paths);
      else reject(apiErrorOf(xhr.status, xhr.statusText, (name) => xhr.getResponseHeader(name), body));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'The upload did not reach the server. Check your connection and try again.'));
    xhr.onabort = () => reject(new ApiError(0, 'CANCELLED', 'Upload cancelled.'));
    xhr.send(form);
  });
  return { done, cancel: () => xhr.abort() };
}

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
export const gitDeleteBranch = (projectId: string, name: string, force: boolean) =>
  request<void>('POST', `${base(projectId)}/git/branch/delete`, { name, force });
export const gitRenameBranch = (projectId: string, from: string, to: string) =>
  request<void>('POST', `${base(projectId)}/git/branch/rename`, { from, to });
export const gitDiscard = (projectId: string, paths: string[]) => request<void>('POST', `${base(projectId)}/git/discard`, { paths });
/**
 * One hunk, named by its header's numbers as git wrote them. The parser of `diff` adds 1 to a
 * start whose count is 0 (`@@ -0,0 +1,2 @@` reads as old start 1): that is taken back here.
 */
export const gitDiscardHunk = (projectId: string, path: string,
  hunk: { oldStart: number; oldLines: number; newStart: number; newLines: number }) =>
  request<void>('POST', `${base(projectId)}/git/discard-hunk`, {
    path,
    oldStart: hunk.oldLines === 0 ? hunk.oldStart - 1 : hunk.oldStart, oldLines: hunk.oldLines,
    newStart: hunk.newLines === 0 ? hunk.newStart - 1 : hunk.newStart, newLines: hunk.newLines,
  });

// ---- stashes ----
export type GitStash = Schemas['GitStash'];
export const gitStashes = (projectId: string) => request<ResponseOf<'gitStashes', 200>>('GET', `${base(projectId)}/git/stashes`);
export const gitStash = (projectId: string, message: string, includeUntracked: boolean) =>
  request<void>('POST', `${base(projectId)}/git/stashes`, message ? { message, includeUntracked } : { includeUntracked });
export const gitApplyStash = (projectId: string, index: number, pop: boolean) =>
  request<void>('POST', `${base(projectId)}/git/stashes/${index}/apply`, { pop });
export const gitDropStash = (projectId: string, index: number) => request<void>('DELETE', `${base(projectId)}/git/stashes/${index}`);

// ---- remotes: streamed, git's progress as it comes (at most 30 minutes); aborting cancels git ----
export type GitPush = Schemas['GitPush'];
export type GitProgress = Schemas['GitProgress'];
export type PullMode = 'ff-only' | 'rebase';
/** How the caller follows a fetch, pull or push: git's progress, and a signal whose abort cancels it. */
export interface RemoteWatch {
  onProgress?: (progress: GitProgress) => void;
  signal?: AbortSignal;
}
const remote = <T>(projectId: string, action: string, body: object, watch: RemoteWatch) =>
  streamRequest<T>('POST', `${base(projectId)}/git/${action}`, body, (event, data) => {
    if (event === 'progress') watch.onProgress?.(data as GitProgress);
  }, watch.signal);
export const gitFetch = (projectId: string, watch: RemoteWatch = {}) => remote<void>(projectId, 'fetch', {}, watch);
export const gitPull = (projectId: string, mode: PullMode, watch: RemoteWatch = {}) =>
  remote<void>(projectId, 'pull', { mode }, watch);
export const gitPush = (projectId: string, watch: RemoteWatch = {}) => remote<GitPush>(projectId, 'push', {}, watch);
