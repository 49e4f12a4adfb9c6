import { request } from './client';
import type { components } from './schema.gen';
import type { ResponseOf } from './types';

/** A saved allow or deny rule every run of the project starts with. */
export type PermissionRule = components['schemas']['PermissionRule'];
export type PermissionRules = ResponseOf<'permissionRules', 200>;

const enc = encodeURIComponent;

export const getPermissionRules = (projectId: string) =>
  request<PermissionRules>('GET', `/projects/${enc(projectId)}/permission-rules`);
export const addPermissionRule = (projectId: string, body: { behavior: 'allow' | 'deny'; rule: string; scope: 'project' | 'personal' }) =>
  request<PermissionRule>('POST', `/projects/${enc(projectId)}/permission-rules`, body);
export const removePermissionRule = (projectId: string, ruleId: string) =>
  request<void>('DELETE', `/projects/${enc(projectId)}/permission-rules/${enc(ruleId)}`);

/** The caller's own rules, for every run they start in any project. */
export type AccountPermissionRules = ResponseOf<'accountPermissionRules', 200>;
export const getAccountPermissionRules = () => request<AccountPermissionRules>('GET', '/me/permission-rules');
export const addAccountPermissionRule = (body: { behavior: 'allow' | 'deny'; rule: string }) =>
  request<PermissionRule>('POST', '/me/permission-rules', body);
export const removeAccountPermissionRule = (ruleId: string) =>
  request<void>('DELETE', `/me/permission-rules/${enc(ruleId)}`);
