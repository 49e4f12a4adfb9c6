import type { McpServer, McpStatus } from '../../api/mcp';
import { useStrings } from '../../i18n/catalog';
import { mcpStrings } from './strings';

/** Each status in words, with a mark and a tone: the colour is never the only sign. */
type StatusLabel = 'connected' | 'degraded' | 'needsAuth' | 'failed' | 'pendingApproval' | 'rejected' | 'disabled' | 'notConfigured' | 'unknown';
const STATUS: Record<McpStatus, { label: StatusLabel; mark: string; tone: 'ok' | 'warn' | 'bad' | 'none' }> = {
  connected: { label: 'connected', mark: '✓', tone: 'ok' },
  degraded: { label: 'degraded', mark: '!', tone: 'warn' },
  needs_auth: { label: 'needsAuth', mark: '!', tone: 'warn' },
  failed: { label: 'failed', mark: '✕', tone: 'bad' },
  pending_approval: { label: 'pendingApproval', mark: '?', tone: 'warn' },
  rejected: { label: 'rejected', mark: '✕', tone: 'bad' },
  disabled: { label: 'disabled', mark: '–', tone: 'none' },
  not_configured: { label: 'notConfigured', mark: '–', tone: 'none' },
  unknown: { label: 'unknown', mark: '?', tone: 'none' },
};

/** Why a status is what it is, in the CLI's words, or how to get past it. */
function statusNote(s: McpServer, approveHint: string): string | null {
  if (s.issue) return s.issue;
  if (s.status === 'pending_approval') return approveHint;
  if (s.status === 'connected') return null;
  return s.statusText || null;
}

function Names({ names }: { names: string[] }) {
  const t = useStrings(mcpStrings);
  return names.length === 0
    ? <span className="muted">{t.noNames}</span>
    : <>{names.map((n) => <code key={n} className="mcp-name-chip">{n}</code>)} <span className="muted small-text">{t.valuesHidden}</span></>;
}

export function McpServerItem({ server, busy, error, onRemove }: {
  server: McpServer;
  busy: boolean;
  error: string | null;
  onRemove: () => void;
}) {
  const t = useStrings(mcpStrings);
  const status = STATUS[server.status] ?? STATUS.unknown;
  const note = statusNote(server, t.approveHint);
  const stdio = !server.url;
  return (
    <li className="mcp-server">
      <div className="mcp-server-head">
        <h3>{server.name}</h3>
        <span className={`badge mcp-status mcp-${status.tone}`}>
          <span aria-hidden="true">{status.mark} </span>{t[status.label]}
        </span>
        <button type="button" className="small danger" disabled={busy} onClick={onRemove}
          aria-label={t.removeServer(server.name, server.scope ?? null)}>
          {busy ? t.removing : t.remove}
        </button>
      </div>
      {note && <p className="muted small-text mcp-note">{note}</p>}
      <dl className="mcp-facts">
        <dt>{t.scope}</dt><dd>{server.scope ?? t.unknownScope}</dd>
        <dt>{t.transport}</dt><dd>{server.transport}</dd>
        {stdio ? (
          <>
            <dt>{t.command}</dt>
            <dd className="mono mcp-command">{[server.command ?? '', ...server.args].join(' ')}</dd>
            <dt>{t.environment}</dt><dd><Names names={server.envNames} /></dd>
          </>
        ) : (
          <>
            <dt>{'URL'}</dt><dd className="mono mcp-command">{server.url}</dd>
            <dt>{t.headers}</dt><dd><Names names={server.headerNames} /></dd>
          </>
        )}
      </dl>
      {error && <p className="error" role="alert">{error}</p>}
    </li>
  );
}
