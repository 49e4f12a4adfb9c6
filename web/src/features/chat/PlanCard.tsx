import { useState } from 'react';
import { Markdown } from '../messages/Markdown';
import { useStrings } from '../../i18n/catalog';
import { chatStrings } from './strings';
import { decidedText, useDecision, type PermissionItem } from './decision';

/**
 * Claude's plan (ExitPlanMode) to review: approve it, approve it with file edits accepted for the
 * rest of the session, or send it back with a comment to keep planning.
 */
export function PlanCard({ item }: { item: PermissionItem }) {
  const { busy, error, decide } = useDecision(item);
  const [comment, setComment] = useState('');
  const t = useStrings(chatStrings);
  const { request, resolved } = item;

  return (
    <section className={`permission-card plan-card${resolved ? ` decided decided-${resolved.decision}` : ''}`}
      role="region" aria-label={t.planRegion}>
      <header className="permission-head"><strong>{t.claudesPlan}</strong></header>
      {request.plan ? <div className="plan-body"><Markdown text={request.plan} /></div> : <p className="muted">{t.readyToLeavePlan}</p>}
      {resolved ? (
        <p className="permission-decision" role="status">
          {decidedText(item, { allow: t.planApproved, deny: t.planSentBack })}
          {resolved.message ? `: ${resolved.message}` : ''}
        </p>
      ) : (
        <>
          <div className="permission-actions">
            <button type="button" className="primary" disabled={busy}
              onClick={() => void decide({ decision: 'allow' })}>{t.approve}</button>
            <button type="button" disabled={busy} title={t.approveEditsTitle}
              onClick={() => void decide({ decision: 'allow', permissionMode: 'acceptEdits' })}>
              {t.approveAndAcceptEdits}
            </button>
          </div>
          <form className="plan-feedback" onSubmit={(e) => {
            e.preventDefault();
            if (comment.trim()) void decide({ decision: 'deny', message: comment.trim() });
          }}>
            <textarea aria-label={t.planChangeLabel} placeholder={t.planChangePlaceholder}
              rows={2} value={comment} disabled={busy} onChange={(e) => setComment(e.target.value)} />
            <button type="submit" disabled={busy || !comment.trim()}>{t.keepPlanning}</button>
          </form>
        </>
      )}
      {error && <p className="error" role="alert">{error}</p>}
    </section>
  );
}
