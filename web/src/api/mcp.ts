import { request } from './client';
import type { components, operations } from './schema.gen';
import type { ResponseOf } from './types';

// MCP servers of a project as the claude CLI sees them for the caller (docs/api.md "MCP servers").
export type McpServer = components['schemas']['McpServer'];
export type McpStatus = McpServer['status'];
export type NewMcpServer = operations['addMcpServer']['requestBody']['content']['application/json'];
export type McpScope = NonNullable<NewMcpServer['scope']>;
export type McpTransport = NonNullable<NewMcpServer['transport']>;
export type AddedMcpServer = ResponseOf<'addMcpServer', 201>;

const enc = encodeURIComponent;

/** Slow: the CLI health-checks every server before answering (seconds, up to a minute). */
export const listMcpServers = (projectId: string) =>
  request<{ items: McpServer[] }>('GET', `/projects/${enc(projectId)}/mcp-servers`);
export const addMcpServer = (projectId: string, server: NewMcpServer) =>
  request<AddedMcpServer>('POST', `/projects/${enc(projectId)}/mcp-servers`, server);
/** Without a scope the server picks the only one holding the name (409 MCP_SCOPE_REQUIRED when several do). */
export const removeMcpServer = (projectId: string, name: string, scope?: McpScope | null) =>
  request<void>('DELETE', `/projects/${enc(projectId)}/mcp-servers/${enc(name)}${scope ? `?scope=${enc(scope)}` : ''}`);
