import { Diff } from '../messages/Diff';
import { decidedText, useDecision, type PermissionItem } from './decision';

const str = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : JSON.stringify(v, null, 2));

/** What the tool is about to do, in the form people check before allowing it. */
function ToolInput({ tool, input }: { tool: string; input: Record<string, unknown> }) {
  if (tool === 'Bash') {
    return <pre className="command"><span className="prompt" aria-hidden="true">$ </span>{str(input.command)}</pre>;
  }
  if ((tool === 'Write' || tool === 'Edit' || tool === 'MultiEdit' || tool === 'Read') && input.file_path) {
    const path = str(input.file_path);
    return (
      <>
        <p className="mono file-path">{path}</p>
        {tool === 'Write' && <Diff path={path} oldText="" newText={str(input.content)} />}
        {tool === 'Edit' && <Diff path={path} oldText={str(input.old_string)} newText={str(input.new_string)} />}
      </>
    );
  }
  const json = Object.keys(input).length ? JSON.stringify(input, null, 2) : null;
  return json ? <pre className="tool-input">{json}</pre> : null;
}

/**
 * A tool call waiting for a person: Allow, Deny, or Always allow (remembered for this tool in
 * this session). The first decision wins everywhere; the card then says who decided.
 */
export function PermissionCard({ item }: { item: PermissionItem }) {
  const { busy, error, decide: send } = useDecision(item);
  const { request, resolved } = item;
  const name = request.displayName || request.toolName;
  const decide = (decision: 'allow' | 'deny', remember: boolean) => send({ decision, remember });

  return (
    <section className={`permission-card${resolved ? ` decided decided-${resolved.decision}` : ''}`} role="region"
      aria-label="Permission request">
      <header className="permission-head">
        <strong>{resolved ? 'Permission' : 'Claude wants to use'} <span className="mono">{name}</span></strong>
        {request.description && <span className="muted">{request.description}</span>}
      </header>
      {request.blockedPath && <p className="small-text">Path: <span className="mono">{request.blockedPath}</span></p>}
      {/* Once decided, the tool's own card shows what it did: the input is not repeated here. */}
      {!resolved && <ToolInput tool={request.toolName} input={request.input ?? {}} />}
      {resolved ? (
        <p className="permission-decision" role="status">
          {decidedText(item, { allow: 'Allowed', deny: 'Denied' })}
          {resolved.message ? `: ${resolved.message}` : ''}
        </p>
      ) : (
        <div className="permission-actions">
          <button type="button" className="primary" disabled={busy} onClick={() => void decide('allow', false)}
            aria-keyshortcuts="Alt+A">Allow</button>
          <button type="button" disabled={busy} onClick={() => void decide('allow', true)} aria-keyshortcuts="Alt+Shift+A"
            title={`Allow ${request.toolName} for the rest of this session without asking`}>Always allow</button>
          <button type="button" className="danger" disabled={busy} onClick={() => void decide('deny', false)}
            aria-keyshortcuts="Alt+X">Deny</button>
        </div>
      )}
      {error && <p className="error" role="alert">{error}</p>}
    </section>
  );
}
