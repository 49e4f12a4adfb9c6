import type { ChatSession } from '../../api/types';
import { formatCount, formatCostOrUnknown } from '../shared';
import { ArchivedBadge } from './ArchivedBadge';
import { useStrings } from '../../i18n/catalog';
import { sessionsStrings } from './strings';

/** Models, tokens, cost and branch of a session, on one line under its title. */
export function SessionFacts({ session }: { session: ChatSession }) {
  const t = useStrings(sessionsStrings);
  return (
    <div className="session-facts">
      {session.archived && <ArchivedBadge session={session} />}
      {session.models.length > 0 && (
        <span className="models" aria-label={t.models}>
          {session.models.map((m) => <span key={m} className="chip">{m}</span>)}
        </span>
      )}
      <span title={t.tokensTitle}>
        <span className="sr-only">{t.tokensIn}</span><span aria-hidden="true">↑</span>{formatCount(session.inputTokens)}
        {' '}<span className="sr-only">{t.tokensOut}</span><span aria-hidden="true">↓</span>{formatCount(session.outputTokens)}
      </span>
      <span title={session.costUsd > 0 ? t.costTitle : t.costUnknown}>
        <span className="sr-only">{t.cost}</span>{formatCostOrUnknown(session.costUsd)}
      </span>
      {session.gitBranch && <span className="mono branch" title={t.gitBranch}>⎇ {session.gitBranch}</span>}
    </div>
  );
}
