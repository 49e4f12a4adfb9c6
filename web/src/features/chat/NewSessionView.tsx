import { ChatPane } from './ChatPane';
import { navigate, sessionHref } from '../shell/route';
import { WorkspaceTabs } from '../shell/WorkspaceTabs';
import { draftKey } from './store';

const NO_MESSAGES: never[] = [];

/** An empty chat in a project: the first prompt creates the session, then its own route takes over. */
export function NewSessionView({ projectId, projectName }: { projectId: string; projectName?: string }) {
  return (
    <section className="session-view" aria-labelledby="session-title">
      <header className="pane-head session-head">
        <h1 id="session-title">New session</h1>
        {projectName && <p className="muted">in {projectName}</p>}
      </header>
      <WorkspaceTabs projectId={projectId} current="chat" projectName={projectName} />
      <ChatPane chatKey={draftKey(projectId)} projectId={projectId} sessionId={null} messages={NO_MESSAGES} showHidden={false}
        loading={false} models={[]} autoFocus
        // The live turn moved to the new session in the store: the session page shows it on.
        onSent={(sessionId) => navigate(sessionHref(projectId, sessionId))}
        emptyText="Ask Claude anything about this project. The session starts with your first message." />
    </section>
  );
}
