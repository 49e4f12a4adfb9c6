export type Role = 'admin' | 'member';

export interface User {
  id: string;
  username: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
}

export interface AuthStatus {
  setupRequired: boolean;
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
}

export interface AuditPage {
  items: AuditEntry[];
  nextBefore: string | number | null;
}

export interface UserPatch {
  role?: Role;
  disabled?: boolean;
  password?: string;
}
