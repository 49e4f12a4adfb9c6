/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import { ChatPane } from './ChatPane';
import { navigate, sessionHref } from '../shell/route';
import { WorkspaceTabs } from '../shell/WorkspaceTabs';
import { draftKey } from './store';

const NO_MESSAGES: never[] = [];

/** An empty chat in a project: the first prompt creates the session, then its own route takes over. */
export function NewSessionView({ projectId, projectName, forkFrom }: { projectId: string; projectName?: string; forkFrom?: string }) {
  return (
    <section className="session-view" aria-labelledby="session-title">
      <header className="pane-head session-head">
        <h1 id="session-title">{forkFrom ? 'Fork of a session' : 'New session'}</h1>
        {projectName && <p className="muted">in {projectName}</p>}
        {forkFrom && (
          <p className="muted small-text">
            Starts from the history of <a href={sessionHref(projectId, forkFrom)}>the original session</a>, which stays as it is.
          </p>
        )}
      </header>
      <WorkspaceTabs projectId={projectId} current="chat" projectName={projectName} />
      <ChatPane chatKey={draftKey(projectId)} projectId={projectId} sessionId={null} messages={NO_MESSAGES} showHidden={false}
        loading={false} models={[]} autoFocus forkFrom={forkFrom}
        // The live turn moved to the new session in the store: the session page shows it on.
        onSent={(sessionId) => navigate(sessionHref(projectId, sessionId))}
        emptyText={forkFrom
          ? 'Your first message continues the conversation in a new session; the original is not changed.'
          : 'Ask Claude anything about this project. The session starts with your first message.'} />
    </section>
  );
}
