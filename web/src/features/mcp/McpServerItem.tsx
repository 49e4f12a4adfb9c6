/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import type { McpServer, McpStatus } from '../../api/mcp';

/** Each status in words, with a mark and a tone: the colour is never the only sign. */
const STATUS: Record<McpStatus, { label: string; mark: string; tone: 'ok' | 'warn' | 'bad' | 'none' }> = {
  connected: { label: 'Connected', mark: '✓', tone: 'ok' },
  degraded: { label: 'Connected, tools failed', mark: '!', tone: 'warn' },
  needs_auth: { label: 'Needs sign-in', mark: '!', tone: 'warn' },
  failed: { label: 'Failed', mark: '✕', tone: 'bad' },
  pending_approval: { label: 'Awaiting approval', mark: '?', tone: 'warn' },
  rejected: { label: 'Rejected', mark: '✕', tone: 'bad' },
  disabled: { label: 'Disabled', mark: '–', tone: 'none' },
  not_configured: { label: 'Not configured', mark: '–', tone: 'none' },
  unknown: { label: 'Unknown', mark: '?', tone: 'none' },
};

/** Why a status is what it is, in the CLI's words, or how to get past it. */
function statusNote(s: McpServer): string | null {
  if (s.issue) return s.issue;
  if (s.status === 'pending_approval') return 'Run claude in the project folder (or the web shell) once to approve it.';
  if (s.status === 'connected') return null;
  return s.statusText || null;
}

function Names({ names }: { names: string[] }) {
  return names.length === 0
    ? <span className="muted">none</span>
    : <>{names.map((n) => <code key={n} className="mcp-name-chip">{n}</code>)} <span className="muted small-text">(values hidden)</span></>;
}

export function McpServerItem({ server, busy, error, onRemove }: {
  server: McpServer;
  busy: boolean;
  error: string | null;
  onRemove: () => void;
}) {
  const status = STATUS[server.status] ?? STATUS.unknown;
  const note = statusNote(server);
  const stdio = !server.url;
  return (
    <li className="mcp-server">
      <div className="mcp-server-head">
        <h3>{server.name}</h3>
        <span className={`badge mcp-status mcp-${status.tone}`}>
          <span aria-hidden="true">{status.mark} </span>{status.label}
        </span>
        <button type="button" className="small danger" disabled={busy} onClick={onRemove}
          aria-label={`Remove ${server.name}${server.scope ? ` (${server.scope} scope)` : ''}`}>
          {busy ? 'Removing…' : 'Remove'}
        </button>
      </div>
      {note && <p className="muted small-text mcp-note">{note}</p>}
      <dl className="mcp-facts">
        <dt>Scope</dt><dd>{server.scope ?? 'unknown'}</dd>
        <dt>Transport</dt><dd>{server.transport}</dd>
        {stdio ? (
          <>
            <dt>Command</dt>
            <dd className="mono mcp-command">{[server.command ?? '', ...server.args].join(' ')}</dd>
            <dt>Environment</dt><dd><Names names={server.envNames} /></dd>
          </>
        ) : (
          <>
            <dt>URL</dt><dd className="mono mcp-command">{server.url}</dd>
            <dt>Headers</dt><dd><Names names={server.headerNames} /></dd>
          </>
        )}
      </dl>
      {error && <p className="error" role="alert">{error}</p>}
    </li>
  );
}
