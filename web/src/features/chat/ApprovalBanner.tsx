import { sessionHref } from '../shell/route';
import { useStrings } from '../../i18n/catalog';
import { usePendingApprovals } from './ChatContext';
import { chatStrings } from './strings';

/**
 * Shown on every screen while a run waits for a decision, so nobody misses it on the Files,
 * Terminal or Git tab (or in another project); it leads to the chat holding the request.
 */
export function ApprovalBanner({ currentSessionId }: { currentSessionId: string | null }) {
  const pending = usePendingApprovals();
  const t = useStrings(chatStrings);
  if (pending.length === 0) return null;
  return (
    <div className="approval-banner" role="status">
      {pending.map((p) => (
        <p key={p.sessionId}>
          <span className="badge badge-alert">{t.approvalNeeded}</span>{' '}
          {t.waitingForApproval(p.count, p.sessionId === currentSessionId)}{' '}
          {p.sessionId === currentSessionId ? (
            <button type="button" className="link" onClick={() => {
              document.querySelector('.permission-card:not(.decided)')?.scrollIntoView({ block: 'center' });
            }}>{t.showRequest}</button>
          ) : p.projectId ? (
            <a href={sessionHref(p.projectId, p.sessionId)}>{t.openChat}</a>
          ) : null}
        </p>
      ))}
    </div>
  );
}
