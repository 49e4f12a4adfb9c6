/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import { useCallback, useEffect, useEffectEvent, useRef, useState, type FormEvent } from 'react';
import { ApiError, errorMessage, getSession, listMatches, listMessages, listSessions, updateSession } from '../../api/client';
import type { ChatSession } from '../../api/types';
import { useLiveFrames, useOnReconnect } from '../live/LiveContext';
import { useChatStore } from '../chat/ChatContext';
import { ChatPane } from '../chat/ChatPane';
import { queryWords } from '../messages/highlightMatches';
import { ErrorMessage } from '../shared';
import { usePageTitle } from '../shell/pageTitle';
import { forkHref, navigate, projectHref, sessionHref } from '../shell/route';
import { WorkspaceTabs } from '../shell/WorkspaceTabs';
import { useLatest } from '../useLatest';
import { MatchBar, type Matches } from './MatchBar';
import { SessionFacts } from './SessionFacts';
import { SessionMenu } from './SessionMenu';
import { sessionTitle } from './SessionsPanel';
import { FIRST_PAGE, useSessionHistory } from './useSessionHistory';

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
          aria-invalid={error ? true : undefined} aria-describedby={error ? 'title-error' : undefined}
          onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); setEditing(false); setError(null); } }} />
        <button type="submit" className="primary small" disabled={busy}>Save</button>
        <button type="button" className="small" onClick={() => { setEditing(false); setError(null); }}>Cancel</button>
        {error && <p className="error" role="alert" id="title-error">{error}</p>}
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

/** A session link that leads nowhere: said once, with the way back, and no composer to type into. */
function Missing({ projectId, message }: { projectId: string; message: string }) {
  usePageTitle('Session not found');
  return (
    <section className="session-view" aria-labelledby="session-title">
      <header className="pane-head session-head">
        <h1 id="session-title">Session not found</h1>
      </header>
      <div className="placeholder" role="alert">
        <p>{message}</p>
        <p><a href={projectHref(projectId)}>Back to the project</a></p>
      </div>
    </section>
  );
}

export function SessionView({ sessionId, projectId, projectName, query }: {
  sessionId: string;
  projectId: string;
  projectName?: string;
  /** A search: the session opens at its newest match, with next/previous match. */
  query?: string;
}) {
  const [session, setSession] = useState<ChatSession | null>(null);
  // A session this page just created is not in the index yet: its live turn shows, and the
  // history follows with the index's change notice (asking now would only answer 404).
  const store = useChatStore();
  const [justCreated] = useState(() => !!store && store.isJustCreated(sessionId)
    && store.current(sessionId).turns.some((t) => t.ended === null));
  const [loading, setLoading] = useState(!justCreated);
  const [missing, setMissing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [showHidden, setShowHidden] = useState(false);
  const [matches, setMatches] = useState<Matches | null>(null);
  const history = useSessionHistory(sessionId, setError);
  const { show, mergeNewest, jumpTo, jumpToEnd } = history;
  const currentStore = useEffectEvent(() => store);
  usePageTitle(session ? `${sessionTitle(session)}${projectName ? ` · ${projectName}` : ''}` : null);
  // With a search, the matches decide which page opens first (the effect below), not the newest page.
  const openedWithQuery = useRef(!!query);

  useEffect(() => {
    if (justCreated) {
      currentStore()?.takeJustCreated(sessionId);
      return;
    }
    let live = true;
    // With a search, the matches decide which page to load (below).
    Promise.all([getSession(sessionId), openedWithQuery.current ? null : listMessages(sessionId, { limit: FIRST_PAGE })])
      .then(([s, page]) => {
        if (!live) return;
        setSession(s);
        if (page) show(page, { edge: 'bottom' });
        setError(null);
      })
      .catch((err: unknown) => {
        if (!live) return;
        // Not indexed yet, but running here (a second mount of a new session's page): no error.
        const starting = err instanceof ApiError && err.status === 404 && (currentStore()?.current(sessionId).turns.length ?? 0) > 0;
        if (starting) return;
        if (err instanceof ApiError && (err.status === 404 || err.status === 403)) {
          setMissing(err.status === 404 ? 'There is no session at this address (it may have been removed, or the link is wrong).'
            : 'This session belongs to a project you cannot open.');
        } else {
          setError(errorMessage(err));
        }
      })
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [sessionId, show, justCreated]);

  // A search to open at: its matches in this session, the newest first shown. Without one, none
  // (noticed while rendering, so the bar never shows for a search that is gone).
  if (!query && matches) setMatches(null);
  useEffect(() => {
    if (!query) return;
    let live = true;
    listMatches(sessionId, query)
      .then((m) => {
        if (!live) return;
        setMatches({ query, words: queryWords(query), seqs: m.items, index: m.items.length - 1, truncated: m.truncated });
        if (m.items.length > 0) void jumpTo(m.items[m.items.length - 1]);
        else void jumpToEnd();
      })
      .catch((err: unknown) => {
        if (!live) return;
        setError(errorMessage(err));
        void jumpToEnd();
      });
    return () => {
      live = false;
    };
  }, [sessionId, query, jumpTo, jumpToEnd]);

  // New messages of this session show up when the index reports a change of the project.
  const known = useLatest(session !== null);
  const loaded = useLatest(history.state.messages.length > 0);
  const refresh = useCallback(async () => {
    try {
      // A session started here may not be indexed yet: look for it in the listing (asking for it
      // directly would answer 404 until then).
      if (!known.current && !(await listSessions(projectId, { limit: 20 })).items.some((x) => x.id === sessionId)) return;
      const [s, page] = await Promise.all([getSession(sessionId), listMessages(sessionId, { limit: FIRST_PAGE })]);
      setSession(s);
      setMissing(null);
      if (loaded.current) mergeNewest(page);
      // Opened at a search match: the match's page is on its way (above); showing the newest page
      // now could land after it and carry the reader away from the match.
      else if (!query) show(page, { edge: 'bottom' });
    } catch {
      // keep what is shown; the next change retries
    }
  }, [sessionId, projectId, query, mergeNewest, show, known, loaded]);
  useLiveFrames((f) => {
    if (f.type === 'projects_changed' && f.projectIds.includes(projectId)) void refresh();
  });
  useOnReconnect(() => void refresh());

  // Opening a session puts the keyboard in its conversation (PageUp, Home, End work at once),
  // unless the reader is already typing somewhere.
  const opened = history.state.scrollTo !== null;
  const section = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!opened) return;
    const active = document.activeElement as HTMLElement | null;
    const elsewhere = active && active !== document.body && !active.closest('#sidebar, .search, .drawer-toggle, .topbar');
    if (!elsewhere) section.current?.querySelector<HTMLElement>('[role="feed"]')?.focus({ preventScroll: true });
  }, [opened]);

  function goToMatch(index: number) {
    if (!matches || index < 0 || index >= matches.seqs.length) return;
    setMatches({ ...matches, index });
    void jumpTo(matches.seqs[index]);
  }

  async function hide() {
    if (!session || !window.confirm('Hide this session from the list? The transcript stays on disk.')) return;
    try {
      await updateSession(session.id, { hidden: true });
      navigate(projectHref(projectId));
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  if (missing) return <Missing projectId={projectId} message={missing} />;

  const s = history.state;
  return (
    <section ref={section} className="session-view" aria-labelledby="session-title">
      <header className="pane-head session-head">
        {session ? <Title session={session} onRenamed={setSession} />
          : <h1 id="session-title">{loading ? 'Loading…' : 'New session'}</h1>}
        {session && <SessionFacts session={session} />}
        {session?.forkedFrom && (
          <p className="muted small-text forked-from">
            Forked from <a href={sessionHref(projectId, session.forkedFrom)}>another session</a>
          </p>
        )}
        {session && (
          <a className="button small" href={forkHref(projectId, sessionId)} title="Start a new session from this one's history; this one stays as it is">
            Fork
          </a>
        )}
        {session && (
          <SessionMenu session={session} showHidden={showHidden} onShowHidden={setShowHidden} onHide={() => void hide()} />
        )}
      </header>
      <WorkspaceTabs projectId={projectId} current="chat" chatHref={sessionHref(projectId, sessionId)} projectName={projectName} />
      {matches && (
        <MatchBar matches={matches} onGo={goToMatch} onClose={() => navigate(sessionHref(projectId, sessionId))} />
      )}
      <ErrorMessage message={error} />
      <ChatPane chatKey={sessionId} projectId={projectId} sessionId={sessionId} messages={s.messages} showHidden={showHidden}
        history={{
          hasOlder: s.nextBefore != null, hasNewer: s.nextAfter != null, loadingOlder: s.loadingOlder, loadingNewer: s.loadingNewer,
          onLoadOlder: () => void history.loadOlder(), onLoadNewer: () => void history.loadNewer(),
          onJumpStart: () => void history.jumpToStart(), onJumpEnd: () => void history.jumpToEnd(), scrollTo: s.scrollTo,
          highlight: matches ? { words: matches.words, current: matches.seqs[matches.index] ?? null } : null,
        }}
        loading={loading || (!!query && !opened && !error)}
        models={session?.models ?? []} emptyText="No messages to show."
        // by the end of a run the CLI has written its transcript, so even a new session is indexed (or about to be)
        onTurnEnded={() => void refresh()} />
    </section>
  );
}
