import { request } from './client';
import type { components } from './schema.gen';

export type UserMemory = components['schemas']['UserMemory'];

/** The caller's own CLAUDE.md (their CLI configuration on the server, read by every run they start). */
export const getUserMemory = () => request<UserMemory>('GET', '/memory/user');
export const putUserMemory = (content: string, baseSha: string | null) =>
  request<{ sha: string }>('PUT', '/memory/user', baseSha ? { content, baseSha } : { content });
