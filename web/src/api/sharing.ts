import { request } from './client';
import type { ResponseOf } from './types';

/** Who has access to a project: owner, members by name, and whether the caller may change that. */
export type ProjectPeople = ResponseOf<'listProjectMembers', 200>;

const enc = encodeURIComponent;

export const getProjectPeople = (projectId: string) =>
  request<ProjectPeople>('GET', `/projects/${enc(projectId)}/members`);
export const shareProject = (projectId: string, username: string) =>
  request<void>('POST', `/projects/${enc(projectId)}/members`, { username });
export const unshareProject = (projectId: string, userId: string) =>
  request<void>('DELETE', `/projects/${enc(projectId)}/members/${enc(userId)}`);
