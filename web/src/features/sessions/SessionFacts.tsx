/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import type { ChatSession } from '../../api/types';
import { formatCount, formatCostOrUnknown } from '../shared';
import { ArchivedBadge } from './ArchivedBadge';

/** Models, tokens, cost and branch of a session, on one line under its title. */
export function SessionFacts({ session }: { session: ChatSession }) {
  return (
    <div className="session-facts">
      {session.archived && <ArchivedBadge session={session} />}
      {session.models.length > 0 && (
        <span className="models" aria-label="Models">
          {session.models.map((m) => <span key={m} className="chip">{m}</span>)}
        </span>
      )}
      <span title="Input tokens / output tokens">
        <span className="sr-only">Tokens in </span><span aria-hidden="true">↑</span>{formatCount(session.inputTokens)}
        {' '}<span className="sr-only">out </span><span aria-hidden="true">↓</span>{formatCount(session.outputTokens)}
      </span>
      <span title={session.costUsd > 0 ? 'Cost of the session' : 'Cost unknown: the transcript records none'}>
        <span className="sr-only">Cost </span>{formatCostOrUnknown(session.costUsd)}
      </span>
      {session.gitBranch && <span className="mono branch" title="Git branch">⎇ {session.gitBranch}</span>}
    </div>
  );
}
