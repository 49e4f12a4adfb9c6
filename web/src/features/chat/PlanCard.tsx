/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import { useState } from 'react';
import { Markdown } from '../messages/Markdown';
import { decidedText, useDecision, type PermissionItem } from './decision';

/**
 * Claude's plan (ExitPlanMode) to review: approve it, approve it with file edits accepted for the
 * rest of the session, or send it back with a comment to keep planning.
 */
export function PlanCard({ item }: { item: PermissionItem }) {
  const { busy, error, decide } = useDecision(item);
  const [comment, setComment] = useState('');
  const { request, resolved } = item;

  return (
    <section className={`permission-card plan-card${resolved ? ` decided decided-${resolved.decision}` : ''}`}
      role="region" aria-label="Plan from Claude">
      <header className="permission-head"><strong>Claude's plan</strong></header>
      {request.plan ? <div className="plan-body"><Markdown text={request.plan} /></div> : <p className="muted">Claude is ready to leave plan mode and start working.</p>}
      {resolved ? (
        <p className="permission-decision" role="status">
          {decidedText(item, { allow: 'Approved', deny: 'Sent back' })}
          {resolved.message ? `: ${resolved.message}` : ''}
        </p>
      ) : (
        <>
          <div className="permission-actions">
            <button type="button" className="primary" disabled={busy}
              onClick={() => void decide({ decision: 'allow' })}>Approve</button>
            <button type="button" disabled={busy} title="File edits then run without asking, for the rest of this session"
              onClick={() => void decide({ decision: 'allow', permissionMode: 'acceptEdits' })}>
              Approve and accept edits
            </button>
          </div>
          <form className="plan-feedback" onSubmit={(e) => {
            e.preventDefault();
            if (comment.trim()) void decide({ decision: 'deny', message: comment.trim() });
          }}>
            <textarea aria-label="What should change in the plan" placeholder="What should change in the plan?"
              rows={2} value={comment} disabled={busy} onChange={(e) => setComment(e.target.value)} />
            <button type="submit" disabled={busy || !comment.trim()}>Keep planning</button>
          </form>
        </>
      )}
      {error && <p className="error" role="alert">{error}</p>}
    </section>
  );
}
