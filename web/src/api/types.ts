// The REST API's shapes, named for the UI. They come from the OpenAPI document through
// schema.gen.ts (npm run gen:api; npm run check:api fails the build when it is stale): change the
// document, not these aliases. Only what the document does not describe (the /ws frames) is
// written here.
import type { components, operations } from './schema.gen';

type Schemas = components['schemas'];

/** The JSON body of an operation's `code` response, by its operationId in the document. */
export type ResponseOf<Op extends keyof operations, Code extends keyof operations[Op]['responses']> =
  operations[Op]['responses'][Code] extends { content: { 'application/json': infer Body } } ? Body : never;

export type User = Schemas['User'];
export type Role = User['role'];
/** What an admin allows an account beyond its projects: the web shell, runs in bypassPermissions mode. */
export type Capability = NonNullable<User['capabilities']>[number];
export type UserPatch = Schemas['UserPatch'];

export type AuthStatus = Schemas['AuthStatus'];
/** A sign-in: the token, when it ends, and the account. */
export type Session = Schemas['AuthSession'];

export type ApiKey = Schemas['ApiKey'];
export type CreatedApiKey = Schemas['CreatedApiKey'];

export type PushSubscriptionView = Schemas['PushSubscription'];
export type PushPreferences = Schemas['PushPreferences'];

export type UsageReport = Schemas['UsageReport'];
export type UsageRow = Schemas['UsageRow'];
export type UsageGroup = UsageReport['groupBy'];

export type AuditEntry = Schemas['AuditEntry'];
export type AuditPage = Schemas['AuditPage'];

// ---- projects, sessions, messages, search ----

export type Project = Schemas['Project'];
export type ProjectPatch = Schemas['ProjectPatch'];

/** A Claude Code session (a transcript), not to be confused with a sign-in {@link Session}. */
export type ChatSession = Schemas['Session'];
export type SessionPage = Schemas['SessionPage'];

export type TextBlock = Schemas['TextBlock'];
export type ThinkingBlock = Schemas['ThinkingBlock'];
export type ToolUseBlock = Schemas['ToolUseBlock'];
export type ToolResultBlock = Schemas['ToolResultBlock'];
export type ImageBlock = Schemas['ImageBlock'];
export type SlashCommandBlock = Schemas['SlashCommandBlock'];
export type MessageBlock = Schemas['MessageBlock'];

export type Message = Schemas['Message'];
export type MessagePage = Schemas['MessagePage'];

export type SearchHit = Schemas['SearchHit'];
export type SearchPage = Schemas['SearchPage'];

/** The `status` frame on /ws while the transcript index catches up (a socket frame: not in the OpenAPI document). */
export interface IndexProgress {
  state: string;
  /** `listing` (every session placed from a glance), `parsing` (full text, tokens, cost) or `idle`. */
  phase?: 'listing' | 'parsing' | 'idle';
  filesDone: number;
  filesTotal: number;
  bytesDone?: number;
  bytesTotal?: number;
}
