import { request } from './client';
import type { components } from './schema.gen';
import type { ResponseOf } from './types';

/** The `event` object of a logged run event: `kind` plus the fields of that kind (see docs/api.md). */
export type RunEventBody =
  | { kind: 'run_started'; sessionId?: string | null; model?: string | null; permissionMode?: string | null; slashCommands?: string[] }
  | { kind: 'assistant_text'; messageId?: string | null; text: string; parentToolUseId?: string | null }
  | { kind: 'assistant_delta'; messageId?: string | null; blockIndex: number; blockType: string; text: string; parentToolUseId?: string | null }
  | { kind: 'thinking'; messageId?: string | null; text: string; parentToolUseId?: string | null }
  | { kind: 'tool_use'; messageId?: string | null; toolUseId: string; name: string; input: Record<string, unknown>; parentToolUseId?: string | null }
  | { kind: 'tool_result'; toolUseId: string; content: string; isError: boolean; parentToolUseId?: string | null }
  | PermissionRequestEvent
  | PermissionResolvedEvent
  | { kind: 'status'; status: string; data?: Record<string, unknown> }
  | ResultEvent
  | { kind: 'error'; code: string; message: string }
  | { kind: 'run_ended'; reason: EndReason };

export type EndReason = 'completed' | 'interrupted' | 'failed' | 'lost';

export interface PermissionRequestEvent {
  kind: 'permission_request';
  requestId: string;
  toolName: string;
  displayName?: string | null;
  input: Record<string, unknown>;
  description?: string | null;
  toolUseId?: string | null;
  blockedPath?: string | null;
}

export interface PermissionResolvedEvent {
  kind: 'permission_resolved';
  requestId?: string | null;
  toolUseId?: string | null;
  toolName?: string | null;
  decision: 'allow' | 'deny';
  /** A username, `session_rule`, `timeout` or `cli`. */
  decidedBy: string;
  message?: string | null;
}

export interface ResultEvent {
  kind: 'result';
  subtype: string;
  isError: boolean;
  resultText?: string | null;
  inputTokens: number;
  outputTokens: number;
  cacheReadInputTokens?: number;
  cacheCreationInputTokens?: number;
  costUsd: number;
  totalCostUsd?: number;
  durationMs?: number;
  errors?: string[];
}

/** One entry of a session's durable event log, as REST, SSE and the `/ws` `event` frame carry it. */
export interface LoggedEvent {
  sessionId: string;
  runId: string;
  seq: number;
  at: string;
  event: RunEventBody;
}

export type Run = components['schemas']['Run'];
export type RunState = Run['state'];
export type StartRun = components['schemas']['StartRun'];
export type ImageInput = NonNullable<StartRun['images']>[number];

const enc = encodeURIComponent;

export const startRun = (body: StartRun) => request<ResponseOf<'startRun', 202>>('POST', '/runs', body);
export const getRun = (runId: string) => request<Run>('GET', `/runs/${enc(runId)}`);
export const listActiveRuns = () => request<ResponseOf<'listRuns', 200>>('GET', '/runs?active=true');
export const interruptRun = (runId: string) => request<Run>('POST', `/runs/${enc(runId)}/interrupt`);
export const decidePermission = (runId: string, requestId: string, decision: 'allow' | 'deny', remember: boolean) =>
  request<void>('POST', `/runs/${enc(runId)}/permissions/${enc(requestId)}`, { decision, remember });
