/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import type { ChatSession } from '../../api/types';

/** A session whose transcript file is gone from disk, shown from the app's archive. */
export function ArchivedBadge({ session }: { session: Pick<ChatSession, 'archivedAt'> }) {
  const since = session.archivedAt ? ` on ${new Date(session.archivedAt).toLocaleString()}` : '';
  return (
    <span className="badge badge-archived"
      title={`Its transcript file was removed from disk${since}; the app's archive keeps it, and continuing it writes it back.`}>
      Archived
    </span>
  );
}
