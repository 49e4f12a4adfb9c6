import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, errorMessage, exportUrl, getSession, listMessages, listSessions, updateSession } from '../../api/client';
import type { ChatSession, Message } from '../../api/types';
import { useLiveFrames, useOnReconnect } from '../live/LiveContext';
import { useChatStore } from '../chat/ChatContext';
import { ChatPane } from '../chat/ChatPane';
import { ErrorMessage, formatCost, formatCount } from '../shared';
import { navigate, projectHref, sessionHref } from '../shell/route';
import { WorkspaceTabs } from '../shell/WorkspaceTabs';
import { sessionTitle } from './SessionsPanel';

const PAGE = 100;

function mergeBySeq(a: Message[], b: Message[]): Message[] {
  const bySeq = new Map<number, Message>();
  for (const m of a) bySeq.set(m.seq, m);
  for (const m of b) bySeq.set(m.seq, m);
  return Array.from(bySeq.values()).sort((x, y) => x.seq - y.seq);
}

function Title({ session, onRenamed }: { session: ChatSession; onRenamed: (s: ChatSession) => void }) {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const title = sessionTitle(session);

  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      // An empty title restores the one recorded in the transcript.
      onRenamed(await updateSession(session.id, { title: value.trim() }));
      setEditing(false);
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  if (editing) {
    return (
      <form className="title-edit" onSubmit={save} aria-label="Rename the session">
        <input aria-label="Session title" value={value} maxLength={300} autoFocus onChange={(e) => setValue(e.target.value)}
          onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); setEditing(false); setError(null); } }} />
        <button type="submit" className="primary small" disabled={busy}>Save</button>
        <button type="button" className="small" onClick={() => { setEditing(false); setError(null); }}>Cancel</button>
        <ErrorMessage message={error} />
      </form>
    );
  }
  return (
    <div className="title-line">
      <h1 id="session-title" title={title}>{title}</h1>
      <button type="button" className="icon" aria-label="Rename the session"
        onClick={() => { setValue(session.title ?? ''); setEditing(true); }}>
        <span aria-hidden="true">✎</span>
      </button>
    </div>
  );
}

export function SessionView({ sessionId, projectId }: { sessionId: string; projectId: string }) {
  const [session, setSession] = useState<ChatSession | null>(null);
  const [messages, setMessages] = useState<Message[]>([]);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [showHidden, setShowHidden] = useState(false);
  const olderBusy = useRef(false);
  const store = useChatStore();
  const storeRef = useRef(store);
  storeRef.current = store;

  useEffect(() => {
    let live = true;
    // A session this page just created is not in the index yet: its live turn shows, and the
    // history follows with the index's change notice (asking now would only answer 404).
    const st = storeRef.current;
    const justCreated = (st?.takeJustCreated(sessionId) ?? false) && st!.current(sessionId).turns.some((t) => t.ended === null);
    if (justCreated) {
      setLoading(false);
      return;
    }
    setLoading(true);
    Promise.all([getSession(sessionId), listMessages(sessionId, { limit: PAGE })])
      .then(([s, page]) => {
        if (!live) return;
        setSession(s);
        setMessages(mergeBySeq([], page.items));
        setNextBefore(page.nextBefore ?? null);
        setError(null);
      })
      .catch((err: unknown) => {
        if (!live) return;
        // Not indexed yet, but running here (a second mount of a new session's page): no error.
        const starting = err instanceof ApiError && err.status === 404 && (storeRef.current?.current(sessionId).turns.length ?? 0) > 0;
        if (!starting) setError(errorMessage(err));
      })
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [sessionId]);

  const loadOlder = useCallback(async () => {
    if (olderBusy.current || nextBefore == null) return;
    olderBusy.current = true;
    setLoadingOlder(true);
    try {
      const page = await listMessages(sessionId, { limit: PAGE, before: nextBefore });
      setMessages((old) => mergeBySeq(page.items, old));
      setNextBefore(page.nextBefore ?? null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      olderBusy.current = false;
      setLoadingOlder(false);
    }
  }, [nextBefore, sessionId]);

  // New messages of this session show up when the index reports a change of the project.
  const known = useRef(false);
  known.current = session !== null;
  const refresh = useCallback(async () => {
    try {
      // A session started here may not be indexed yet: look for it in the listing (asking for it
      // directly would answer 404 until then).
      if (!known.current && !(await listSessions(projectId, { limit: 20 })).items.some((x) => x.id === sessionId)) return;
      const [s, page] = await Promise.all([getSession(sessionId), listMessages(sessionId, { limit: PAGE })]);
      setSession(s);
      setMessages((old) => mergeBySeq(old, page.items));
    } catch {
      // keep what is shown; the next change retries
    }
  }, [sessionId, projectId]);
  useLiveFrames((f) => {
    if (f.type === 'projects_changed' && f.projectIds.includes(projectId)) void refresh();
  });
  useOnReconnect(() => void refresh());

  async function hide() {
    if (!session || !window.confirm('Hide this session from the list? The transcript stays on disk.')) return;
    try {
      await updateSession(session.id, { hidden: true });
      navigate(projectHref(projectId));
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <section className="session-view" aria-labelledby="session-title">
      <header className="pane-head session-head">
        {session ? <Title session={session} onRenamed={setSession} />
          : <h1 id="session-title">{loading ? 'Loading…' : error ? 'Session' : 'New session'}</h1>}
        {session && (
          <div className="session-facts">
            {session.models.length > 0 && (
              <span className="models" aria-label="Models">
                {session.models.map((m) => <span key={m} className="chip">{m}</span>)}
              </span>
            )}
            <span title="Input tokens / output tokens">
              <span className="sr-only">Tokens in </span><span aria-hidden="true">↑</span>{formatCount(session.inputTokens)}
              {' '}<span className="sr-only">out </span><span aria-hidden="true">↓</span>{formatCount(session.outputTokens)}
            </span>
            <span title="Cost">{formatCost(session.costUsd)}</span>
            {session.gitBranch && <span className="mono" title="Git branch">⎇ {session.gitBranch}</span>}
          </div>
        )}
        {session && (
          <div className="session-actions">
            <a className="button small" href={exportUrl(session.id, 'markdown')} download>Export Markdown</a>
            <a className="button small" href={exportUrl(session.id, 'json')} download>Export JSON</a>
            <button type="button" className="small" onClick={() => void hide()}>Hide</button>
            <label className="check">
              <input type="checkbox" checked={showHidden} onChange={(e) => setShowHidden(e.target.checked)} />
              Show system messages
            </label>
          </div>
        )}
      </header>
      <WorkspaceTabs projectId={projectId} current="chat" chatHref={sessionHref(projectId, sessionId)} />
      <ErrorMessage message={error} />
      <ChatPane chatKey={sessionId} projectId={projectId} sessionId={sessionId} messages={messages} showHidden={showHidden}
        hasOlder={nextBefore != null} loadingOlder={loadingOlder} onLoadOlder={() => void loadOlder()} loading={loading}
        models={session?.models ?? []} emptyText="No messages to show."
        // by the end of a run the CLI has written its transcript, so even a new session is indexed (or about to be)
        onTurnEnded={() => void refresh()} />
    </section>
  );
}
