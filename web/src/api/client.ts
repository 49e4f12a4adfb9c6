import type {
  ApiKey,
  AuditPage,
  AuthStatus,
  ChatSession,
  CreatedApiKey,
  MessagePage,
  Project,
  ProjectPatch,
  PushPreferences,
  PushSubscriptionView,
  ResponseOf,
  Role,
  UsageGroup,
  UsageReport,
  SearchPage,
  SessionPage,
  Session,
  User,
  UserPatch,
} from './types';
import { readSse } from './sse';

/** An HTTP error from the server, carrying the message of its `{"error": {...}}` body. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId?: string;
  /** Seconds from the `Retry-After` header (429), when present. */
  readonly retryAfter?: number;
  /** The request field that was wrong (400s), when the server named it. */
  readonly field?: string;
  /** What is in the way (409 UPLOAD_CONFLICT), when the server named it. */
  readonly paths?: string[];

  constructor(status: number, code: string, message: string, requestId?: string, retryAfter?: number, field?: string,
    paths?: string[]) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.requestId = requestId;
    this.retryAfter = retryAfter;
    this.field = field;
    this.paths = paths;
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

let unauthorizedHandler: (() => void) | null = null;

/** Called when a signed-in request gets 401 (expired or revoked session). */
export function onUnauthorized(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  if (!Number.isNaN(date)) return Math.max(0, Math.ceil((date - Date.now()) / 1000));
  return undefined;
}

type ErrorBody = { error?: { code?: string; message?: string; requestId?: string; field?: string; paths?: string[] } };

/** The error of a non-2xx answer from its status, headers and JSON body (also used for XHR uploads). */
export function apiErrorOf(status: number, statusText: string, header: (name: string) => string | null, body: unknown): ApiError {
  const error = (body as ErrorBody | null)?.error;
  return new ApiError(status, error?.code ?? `HTTP_${status}`, error?.message ?? (statusText || `Request failed (${status})`),
    error?.requestId ?? header('X-Request-Id') ?? undefined, parseRetryAfter(header('Retry-After')), error?.field ?? undefined,
    error?.paths ?? undefined);
}

async function toError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON: keep the status text
  }
  return apiErrorOf(res.status, res.statusText, (name) => res.headers.get(name), body);
}

interface RequestOptions {
  /** Do not call the global 401 handler (auth endpoints handle 401 themselves). */
  quiet401?: boolean;
}

const errorObservers = new Set<(err: ApiError) => void>();

/** Sees every error answer of `request` (e.g. the maintenance banner learns of 503 MAINTENANCE at once). */
export function observeApiErrors(observer: (err: ApiError) => void): () => void {
  errorObservers.add(observer);
  return () => {
    errorObservers.delete(observer);
  };
}

export async function request<T>(method: Method, path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
  return plainAnswer<T>(await send(method, path, body, 'application/json', opts));
}

/** Sends a request as every call of the app does (CSRF header, cookies); a non-2xx answer is thrown as its ApiError. */
async function send(method: Method, path: string, body: unknown, accept: string, opts: RequestOptions, signal?: AbortSignal): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept };
  if (method !== 'GET') headers['X-CCUI-CSRF'] = '1';
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch {
    if (signal?.aborted) throw cancelled();
    throw new ApiError(0, 'NETWORK', 'Cannot reach the server. Check your connection and try again.');
  }
  if (!res.ok) {
    const err = await toError(res);
    if (err.status === 401 && !opts.quiet401) unauthorizedHandler?.();
    for (const observer of errorObservers) observer(err);
    throw err;
  }
  return res;
}

async function plainAnswer<T>(res: Response): Promise<T> {
  if (res.status === 204 || res.status === 205) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The error of a streamed request its caller stopped (code `CANCELLED`, status 0: no answer came). */
const cancelled = () => new ApiError(0, 'CANCELLED', 'Cancelled.');

/**
 * A request whose answer streams (`Accept: text/event-stream`): each event but the last goes to
 * `onEvent` as it comes; `done` resolves with its data, `error` rejects with its ApiError (status 0:
 * it came after the 200). A refusal before the stream opens, or a proxy that does not stream, is a
 * plain answer read as `request` reads it. Aborting `signal` closes the stream, which the server
 * takes as a cancel; the promise then rejects with code `CANCELLED`.
 */
export async function streamRequest<T>(method: Method, path: string, body: unknown,
  onEvent: (event: string, data: unknown) => void, signal?: AbortSignal): Promise<T> {
  const res = await send(method, path, body, 'text/event-stream', {}, signal);
  if (!res.body || !(res.headers.get('Content-Type') ?? '').startsWith('text/event-stream')) return plainAnswer<T>(res);
  try {
    for await (const { event, data } of readSse(res.body)) {
      const parsed: unknown = JSON.parse(data);
      if (event === 'done') return parsed as T;
      if (event === 'error') throw apiErrorOf(0, '', () => null, parsed);
      onEvent(event, parsed);
    }
  } catch (err) {
    if (signal?.aborted) throw cancelled();
    throw err;
  }
  if (signal?.aborted) throw cancelled();
  throw new ApiError(0, 'NETWORK', 'The connection to the server ended before git was done. Check the result before trying again.');
}

// ---- auth ----
export const getAuthStatus = () => request<AuthStatus>('GET', '/auth/status', undefined, { quiet401: true });
export const getMe = () => request<User>('GET', '/auth/me', undefined, { quiet401: true });
export const setup = (username: string, password: string, setupCode?: string) =>
  request<Session>('POST', '/auth/setup', setupCode ? { username, password, setupCode } : { username, password },
    { quiet401: true });
export const login = (username: string, password: string) =>
  request<Session>('POST', '/auth/login', { username, password }, { quiet401: true });
export const logout = () => request<void>('POST', '/auth/logout', undefined, { quiet401: true });
export const changePassword = (currentPassword: string, newPassword: string) =>
  request<void>('POST', '/auth/password', { currentPassword, newPassword }, { quiet401: true });

// ---- API keys ----
export const listApiKeys = () => request<ApiKey[]>('GET', '/api-keys');
export const createApiKey = (name: string) => request<CreatedApiKey>('POST', '/api-keys', { name });
export const deleteApiKey = (id: string) => request<void>('DELETE', `/api-keys/${encodeURIComponent(id)}`);

// ---- Web Push ----
export const getVapidPublicKey = () => request<{ publicKey: string }>('GET', '/push/vapid-public-key');
export const listPushSubscriptions = () => request<{ items: PushSubscriptionView[] }>('GET', '/push/subscriptions');
export const addPushSubscription = (endpoint: string, keys: { p256dh: string; auth: string }, device: string) =>
  request<PushSubscriptionView>('POST', '/push/subscriptions', { endpoint, keys, device });
export const deletePushSubscription = (id: string) =>
  request<void>('DELETE', `/push/subscriptions/${encodeURIComponent(id)}`);
export const getPushPreferences = () => request<PushPreferences>('GET', '/push/preferences');
export const updatePushPreferences = (patch: Partial<PushPreferences>) =>
  request<PushPreferences>('PUT', '/push/preferences', patch);

// ---- usage ----
function usageQuery(from: string, to: string, groupBy: UsageGroup): URLSearchParams {
  return new URLSearchParams({ from, to, groupBy });
}
export const getUsage = (from: string, to: string, groupBy: UsageGroup) =>
  request<UsageReport>('GET', `/usage?${usageQuery(from, to, groupBy)}`);
/** The same report as a CSV download (a plain same-origin link: the cookie signs it in). */
export const usageCsvUrl = (from: string, to: string, groupBy: UsageGroup) =>
  `/api/usage?${usageQuery(from, to, groupBy)}&format=csv`;

// ---- users (admin) ----
export const listUsers = () => request<User[]>('GET', '/users');
export const createUser = (username: string, password: string, role: Role) =>
  request<User>('POST', '/users', { username, password, role });
export const updateUser = (id: string, patch: UserPatch) =>
  request<User>('PATCH', `/users/${encodeURIComponent(id)}`, patch);
export const deleteUser = (id: string) => request<void>('DELETE', `/users/${encodeURIComponent(id)}`);

// ---- audit (admin) ----
export interface AuditFilter {
  user?: string;
  action?: string;
  outcome?: 'success' | 'failure' | '';
}

export function listAudit(limit = 50, before?: string | number | null, filter: AuditFilter = {}): Promise<AuditPage> {
  const q = new URLSearchParams({ limit: String(limit) });
  if (before !== undefined && before !== null) q.set('before', String(before));
  if (filter.user?.trim()) q.set('user', filter.user.trim());
  if (filter.action) q.set('action', filter.action);
  if (filter.outcome) q.set('outcome', filter.outcome);
  return request<AuditPage>('GET', `/audit?${q}`);
}

// ---- projects and sessions ----
const enc = encodeURIComponent;

export const listProjects = () => request<Project[]>('GET', '/projects');
export const addProject = (path: string, name?: string) =>
  request<Project>('POST', '/projects', name ? { path, name } : { path });
export const updateProject = (id: string, patch: ProjectPatch) => request<Project>('PATCH', `/projects/${enc(id)}`, patch);

export function listSessions(projectId: string, opts: { limit?: number; cursor?: string | null } = {}): Promise<SessionPage> {
  const q = new URLSearchParams({ limit: String(opts.limit ?? 50) });
  if (opts.cursor) q.set('cursor', opts.cursor);
  return request<SessionPage>('GET', `/projects/${enc(projectId)}/sessions?${q}`);
}
export const getSession = (id: string) => request<ChatSession>('GET', `/sessions/${enc(id)}`);
export const updateSession = (id: string, patch: { title?: string | null; hidden?: boolean }) =>
  request<ChatSession>('PATCH', `/sessions/${enc(id)}`, patch);

/** A page of a session: the newest, older than `before`, newer than `after` (-1: the first page), or around one seq. */
export function listMessages(sessionId: string, opts: { limit?: number; before?: number | null; after?: number | null; around?: number | null } = {}): Promise<MessagePage> {
  const q = new URLSearchParams({ limit: String(opts.limit ?? 100) });
  if (opts.before != null) q.set('before', String(opts.before));
  else if (opts.after != null) q.set('after', String(opts.after));
  else if (opts.around != null) q.set('around', String(opts.around));
  return request<MessagePage>('GET', `/sessions/${enc(sessionId)}/messages?${q}`);
}

/** The seqs of the session's messages holding every word of `q`, oldest first. */
export const listMatches = (sessionId: string, q: string) =>
  request<ResponseOf<'listSessionMatches', 200>>('GET', `/sessions/${enc(sessionId)}/matches?${new URLSearchParams({ q })}`);
export const getToolResult = (sessionId: string, toolUseId: string, seq: number) =>
  request<ResponseOf<'getToolResult', 200>>('GET', `/sessions/${enc(sessionId)}/tool-results/${enc(toolUseId)}?seq=${seq}`);

/** Plain URLs (same origin, cookie auth) for <img> and download links. */
export const imageUrl = (sessionId: string, imageId: string) => `/api/sessions/${enc(sessionId)}/images/${enc(imageId)}`;
export const exportUrl = (sessionId: string, format: 'markdown' | 'json') =>
  `/api/sessions/${enc(sessionId)}/export?format=${format}`;

export function search(q: string, opts: { limit?: number; cursor?: string | null } = {}): Promise<SearchPage> {
  const params = new URLSearchParams({ q, limit: String(opts.limit ?? 20) });
  if (opts.cursor) params.set('cursor', opts.cursor);
  return request<SearchPage>('GET', `/search?${params}`);
}

/** A user-facing message for any thrown value. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error) return e.message;
  return 'Something went wrong.';
}
