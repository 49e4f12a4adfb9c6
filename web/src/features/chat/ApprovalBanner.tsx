/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import { sessionHref } from '../shell/route';
import { usePendingApprovals } from './ChatContext';

/**
 * Shown on every screen while a run waits for a decision, so nobody misses it on the Files,
 * Terminal or Git tab (or in another project); it leads to the chat holding the request.
 */
export function ApprovalBanner({ currentSessionId }: { currentSessionId: string | null }) {
  const pending = usePendingApprovals();
  if (pending.length === 0) return null;
  return (
    <div className="approval-banner" role="status">
      {pending.map((p) => (
        <p key={p.sessionId}>
          <span className="badge badge-alert">Approval needed</span>{' '}
          {p.count === 1 ? 'Claude is waiting for your approval of a tool call' : `Claude is waiting for ${p.count} approvals`}
          {p.sessionId === currentSessionId ? ' in this chat. ' : '. '}
          {p.sessionId === currentSessionId ? (
            <button type="button" className="link" onClick={() => {
              document.querySelector('.permission-card:not(.decided)')?.scrollIntoView({ block: 'center' });
            }}>Show the request</button>
          ) : p.projectId ? (
            <a href={sessionHref(p.projectId, p.sessionId)}>Open the chat</a>
          ) : null}
        </p>
      ))}
    </div>
  );
}
