import { ChatPane } from './ChatPane';
import { navigate, sessionHref } from '../shell/route';
import { WorkspaceTabs } from '../shell/WorkspaceTabs';
import { draftKey } from './store';
import { useStrings } from '../../i18n/catalog';
import { chatStrings } from './strings';

const NO_MESSAGES: never[] = [];

/** An empty chat in a project: the first prompt creates the session, then its own route takes over. */
export function NewSessionView({ projectId, projectName, forkFrom }: { projectId: string; projectName?: string; forkFrom?: string }) {
  const t = useStrings(chatStrings);
  return (
    <section className="session-view" aria-labelledby="session-title">
      <header className="pane-head session-head">
        <h1 id="session-title">{forkFrom ? t.forkTitle : t.newSession}</h1>
        {projectName && <p className="muted">{t.inProject(projectName)}</p>}
        {forkFrom && (
          <p className="muted small-text">
            {t.forkNoteBefore} <a href={sessionHref(projectId, forkFrom)}>{t.forkNoteLink}</a>{t.forkNoteAfter}
          </p>
        )}
      </header>
      <WorkspaceTabs projectId={projectId} current="chat" projectName={projectName} />
      <ChatPane chatKey={draftKey(projectId)} projectId={projectId} sessionId={null} messages={NO_MESSAGES} showHidden={false}
        loading={false} models={[]} autoFocus forkFrom={forkFrom}
        // The live turn moved to the new session in the store: the session page shows it on.
        onSent={(sessionId) => navigate(sessionHref(projectId, sessionId))}
        emptyText={forkFrom
          ? t.forkEmpty
          : t.newEmpty} />
    </section>
  );
}
