import { request } from './client';
import type { components, operations } from './schema.gen';
import type { ResponseOf } from './types';

type Schemas = components['schemas'];

/** The `event` object of a logged run event: `kind` plus the fields of that kind. */
export type RunEventBody = Schemas['RunEvent'];
export type EndReason = Schemas['RunEndedEvent']['reason'];
export type PermissionRequestEvent = Schemas['PermissionRequestEvent'];
export type PermissionResolvedEvent = Schemas['PermissionResolvedEvent'];
export type ResultEvent = Schemas['ResultEvent'];
export type Question = Schemas['Question'];
/** An answer to a pending request: allow or deny a tool, answer a question, review a plan. */
export type Decision = NonNullable<operations['decidePermission']['requestBody']>['content']['application/json'];

/** One entry of a session's durable event log, as REST, SSE and the `/ws` `event` frame carry it. */
export type LoggedEvent = Schemas['LoggedRunEvent'];

export type Run = Schemas['Run'];
export type RunState = Run['state'];
export type StartRun = Schemas['StartRun'];
export type ImageInput = NonNullable<StartRun['images']>[number];

const enc = encodeURIComponent;

export const startRun = (body: StartRun) => request<ResponseOf<'startRun', 202>>('POST', '/runs', body);
export const getRun = (runId: string) => request<Run>('GET', `/runs/${enc(runId)}`);
export const listActiveRuns = () => request<ResponseOf<'listRuns', 200>>('GET', '/runs?active=true');
export const interruptRun = (runId: string) => request<Run>('POST', `/runs/${enc(runId)}/interrupt`);
export const decidePermission = (runId: string, requestId: string, body: Decision) =>
  request<void>('POST', `/runs/${enc(runId)}/permissions/${enc(requestId)}`, body);

/** A message waiting in a session's queue until the running turn ends. */
export type QueuedMessage = Schemas['QueuedMessage'];
export type QueueEntry = Schemas['QueueChangedEvent']['items'][number];
export type QueuedMessagePatch = Schemas['QueuedMessagePatch'];
export type SendOutcome = Schemas['SendOutcome'];

const queuePath = (sessionId: string) => `/sessions/${enc(sessionId)}/queue`;

/** Starts the prompt, or queues it behind the session's running turn. */
export const sendOrQueue = (body: StartRun) => request<SendOutcome>('POST', '/runs', { ...body, queue: true });
export const listQueue = (sessionId: string) => request<ResponseOf<'listQueue', 200>>('GET', queuePath(sessionId));
export const editQueued = (sessionId: string, id: string, patch: QueuedMessagePatch) =>
  request<QueuedMessage>('PATCH', `${queuePath(sessionId)}/${enc(id)}`, patch);
export const removeQueued = (sessionId: string, id: string) => request<void>('DELETE', `${queuePath(sessionId)}/${enc(id)}`);
export const sendQueuedNow = (sessionId: string, id: string) =>
  request<SendOutcome>('POST', `${queuePath(sessionId)}/${enc(id)}/send-now`);
