/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import { useCallback, useRef, useState } from 'react';
import { errorMessage } from '../../api/client';
import { listMcpServers, removeMcpServer, type McpServer } from '../../api/mcp';
import { ErrorMessage } from '../shared';
import { usePageTitle } from '../shell/pageTitle';
import { projectHref } from '../shell/route';
import { useLoad } from '../useLoad';
import { McpAddForm } from './McpAddForm';
import { McpServerItem } from './McpServerItem';

const keyOf = (s: McpServer) => `${s.scope ?? ''}:${s.name}`;

/**
 * A project's MCP servers as the claude CLI sees them for the signed-in person (their user and local
 * scopes, the project's .mcp.json), each with the CLI's health check; add one, remove one.
 */
export function McpServersPage({ projectId, projectName }: { projectId: string; projectName?: string }) {
  const [servers, setServers] = useState<McpServer[] | null>(null);
  const [checking, setChecking] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [removeError, setRemoveError] = useState<{ key: string; message: string } | null>(null);
  // Only the newest listing counts: a slow health check must not overwrite a later one.
  const asked = useRef(0);
  usePageTitle(`MCP servers · ${projectName ?? 'Project'}`);

  const load = useCallback(async () => {
    const ask = ++asked.current;
    try {
      const r = await listMcpServers(projectId);
      if (ask !== asked.current) return;
      setServers(r.items);
      setError(null);
    } catch (err) {
      if (ask === asked.current) setError(errorMessage(err));
    } finally {
      if (ask === asked.current) setChecking(false);
    }
  }, [projectId]);
  useLoad(load);

  function reload() {
    setChecking(true);
    void load();
  }

  async function remove(s: McpServer) {
    const key = keyOf(s);
    const where = s.scope === 'project' ? ' It is removed from the project’s .mcp.json, for everyone in the project.'
      : s.scope === 'user' ? ' It is removed from all your projects.' : '';
    if (!window.confirm(`Remove the MCP server “${s.name}”${s.scope ? ` (${s.scope} scope)` : ''}?${where}`)) return;
    setRemoving(key);
    setRemoveError(null);
    try {
      await removeMcpServer(projectId, s.name, s.scope);
      setServers((old) => old?.filter((o) => keyOf(o) !== key) ?? null);
    } catch (err) {
      setRemoveError({ key, message: errorMessage(err) });
    } finally {
      setRemoving(null);
    }
  }

  return (
    <section className="card mcp-page" aria-labelledby="mcp-title">
      <div className="card-head">
        <h1 id="mcp-title">MCP servers</h1>
        <button type="button" className="small" onClick={reload} disabled={checking}>Check again</button>
      </div>
      <p className="muted">
        Of <a href={projectHref(projectId)}>{projectName ?? 'the project'}</a>, as the claude CLI sees them for you:
        your own servers (user and local scopes) and the project’s <code>.mcp.json</code>.
      </p>
      {checking && (
        <p className="muted small-text" role="status">
          <span className="spinner" aria-hidden="true" /> Checking servers… the CLI starts each one to see that it answers.
        </p>
      )}
      <ErrorMessage message={error} />
      {servers && servers.length === 0 && <p className="muted">No MCP servers yet.</p>}
      {servers && servers.length > 0 && (
        <ul className="mcp-list" aria-label={`MCP servers of ${projectName ?? 'the project'}`}>
          {servers.map((s) => (
            <McpServerItem key={keyOf(s)} server={s} busy={removing === keyOf(s)} onRemove={() => void remove(s)}
              error={removeError?.key === keyOf(s) ? removeError.message : null} />
          ))}
        </ul>
      )}
      <h2>Add a server</h2>
      <McpAddForm projectId={projectId} onAdded={reload} />
    </section>
  );
}
