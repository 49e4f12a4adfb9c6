import type { ChatSession } from '../../api/types';
import { formatDate } from '../../i18n/format';
import { useStrings } from '../../i18n/catalog';
import { sessionsStrings } from './strings';

/** A session whose transcript file is gone from disk, shown from the app's archive. */
export function ArchivedBadge({ session }: { session: Pick<ChatSession, 'archivedAt'> }) {
  const t = useStrings(sessionsStrings);
  return (
    <span className="badge badge-archived" title={t.archivedTitle(session.archivedAt ? formatDate(session.archivedAt) : null)}>
      {t.archived}
    </span>
  );
}
