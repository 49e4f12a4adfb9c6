export type Role = 'admin' | 'member';

/** What an admin allows an account beyond its projects: the web shell, runs in bypassPermissions mode. */
export type Capability = 'terminal' | 'bypassPermissions';

export interface User {
  id: string;
  username: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
  capabilities?: Capability[];
}

export interface AuthStatus {
  setupRequired: boolean;
  /** The server is reachable beyond this machine: setup needs the code it printed in its log. */
  setupCodeRequired?: boolean;
}

export interface Session {
  token: string;
  expiresAt: string;
  user: User;
}

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface CreatedApiKey {
  id: string;
  name: string;
  prefix: string;
  secret: string;
  createdAt: string;
}

export interface AuditEntry {
  id: string | number;
  at: string;
  actorUserId: string | null;
  actorUsername: string | null;
  action: string;
  target: string | null;
  ip: string | null;
  success: boolean;
  detail: string | null;
  /** The session of the run the entry names (run.* and permission.decided), while the run is on record. */
  session?: { id: string; projectId: string } | null;
}

export interface AuditPage {
  items: AuditEntry[];
  nextBefore: string | number | null;
}

export interface UserPatch {
  role?: Role;
  disabled?: boolean;
  password?: string;
  capabilities?: Capability[];
}

// ---- projects, sessions, messages, search ----

export interface Project {
  id: string;
  name: string;
  path: string;
  starred: boolean;
  archived: boolean;
  /** Found in the machine's transcripts rather than registered. */
  discovered: boolean;
  ownerId?: string | null;
  sessionCount: number;
  lastActivityAt?: string | null;
  createdAt?: string;
  /** Sessions whose transcript files vanished from disk; the app's archive still holds them. */
  archivedSessionCount?: number;
}

export interface ProjectPatch {
  name?: string;
  starred?: boolean;
  archived?: boolean;
}

/** A Claude Code session (a transcript), not to be confused with a sign-in {@link Session}. */
export interface ChatSession {
  id: string;
  projectId: string;
  title?: string | null;
  firstActivityAt?: string | null;
  lastActivityAt?: string | null;
  messageCount: number;
  models: string[];
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  gitBranch?: string | null;
  lastPrompt?: string | null;
  hidden: boolean;
  /** Its transcript file(s) vanished from disk (the CLI's clean-up, an rm): read from the app's archive. */
  archived?: boolean;
  archivedAt?: string | null;
}

export interface SessionPage {
  items: ChatSession[];
  nextCursor?: string | null;
}

export interface TextBlock { type: 'text'; text: string }
export interface ThinkingBlock { type: 'thinking'; text: string }
export interface ToolUseBlock { type: 'toolUse'; id: string; name: string; input: Record<string, unknown> }
export interface ToolResultBlock {
  type: 'toolResult';
  toolUseId: string;
  content: string;
  isError: boolean;
  truncated: boolean;
  fullLength: number;
}
export interface ImageBlock { type: 'image'; imageId: string; mediaType?: string; sizeBytes?: number }
export interface SlashCommandBlock { type: 'slashCommand'; name: string; args: string }

export type MessageBlock = TextBlock | ThinkingBlock | ToolUseBlock | ToolResultBlock | ImageBlock | SlashCommandBlock;

export interface Message {
  seq: number;
  uuid?: string | null;
  parentUuid?: string | null;
  role: 'user' | 'assistant' | 'system';
  timestamp?: string | null;
  model?: string | null;
  hidden: boolean;
  sidechain: boolean;
  parentToolUseId?: string | null;
  blocks: MessageBlock[];
}

export interface MessagePage {
  items: Message[];
  nextBefore?: number | null;
  /** Pass as `after` for the newer page; null when the page ends at the newest message. */
  nextAfter?: number | null;
}

export interface SearchHit {
  sessionId: string;
  projectId: string;
  projectName?: string | null;
  title?: string | null;
  /** HTML-escaped text whose only markup is `<mark>…</mark>` around the matches. */
  snippet: string;
  lastActivityAt?: string | null;
}

export interface IndexProgress {
  state: string;
  /** `listing` (every session placed from a glance), `parsing` (full text, tokens, cost) or `idle`. */
  phase?: 'listing' | 'parsing' | 'idle';
  filesDone: number;
  filesTotal: number;
  bytesDone?: number;
  bytesTotal?: number;
}
