/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage, listSessions } from '../../api/client';
import type { ChatSession } from '../../api/types';
import { usePendingApprovals } from '../chat/ChatContext';
import { useLiveFrames, useOnReconnect } from '../live/LiveContext';
import { ErrorMessage, MINUTE_MS, relativeTime, useClock } from '../shared';
import { sessionHref } from '../shell/route';
import { useLoad } from '../useLoad';
import { ArchivedBadge } from './ArchivedBadge';

const PAGE = 50;
const MAX_LIMIT = 200;

export function sessionTitle(s: Pick<ChatSession, 'title' | 'lastPrompt' | 'id'>): string {
  return s.title?.trim() || s.lastPrompt?.trim() || `Session ${s.id.slice(0, 8)}`;
}

/** Sessions of one project, newest activity first; more load when the end of the list scrolls into view. */
export function SessionsPanel({ projectId, projectName, selectedId, archivedCount = 0 }: {
  projectId: string;
  projectName: string;
  selectedId: string | null;
  /** Sessions of the project whose files vanished from disk (kept in the app's archive). */
  archivedCount?: number;
}) {
  const [items, setItems] = useState<ChatSession[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const sentinel = useRef<HTMLLIElement>(null);
  const busy = useRef(false);
  const loaded = useRef(0);

  /** Whoever starts it says it is loading (a new project while rendering, a refresh itself). */
  const loadFirst = useCallback(async (limit: number) => {
    busy.current = true;
    try {
      const page = await listSessions(projectId, { limit });
      setItems(page.items);
      loaded.current = page.items.length;
      setCursor(page.nextCursor ?? null);
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      busy.current = false;
      setLoading(false);
    }
  }, [projectId]);

  // Another project: its list starts empty (noticed while rendering, so the old one never shows).
  const [listed, setListed] = useState(projectId);
  if (listed !== projectId) {
    setListed(projectId);
    setItems([]);
    setCursor(null);
    setLoading(true);
  }
  useLoad(useCallback(() => {
    loaded.current = 0;
    return loadFirst(PAGE);
  }, [loadFirst]));

  const loadMore = useCallback(async () => {
    if (busy.current || !cursor) return;
    busy.current = true;
    setLoading(true);
    try {
      const page = await listSessions(projectId, { limit: PAGE, cursor });
      setItems((old) => {
        const seen = new Set(old.map((s) => s.id));
        const merged = [...old, ...page.items.filter((s) => !seen.has(s.id))];
        loaded.current = merged.length;
        return merged;
      });
      setCursor(page.nextCursor ?? null);
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      busy.current = false;
      setLoading(false);
    }
  }, [cursor, projectId]);

  // Refetch as many as are shown, so the list (and its scroll position) stays put.
  const refresh = useCallback(() => {
    if (busy.current) return;
    setLoading(true);
    void loadFirst(Math.min(MAX_LIMIT, Math.max(PAGE, loaded.current)));
  }, [loadFirst]);

  useLiveFrames((f) => {
    if (f.type === 'projects_changed' && f.projectIds.includes(projectId)) refresh();
  });
  useOnReconnect(refresh);

  useEffect(() => {
    const el = sentinel.current;
    if (!el || !cursor || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) void loadMore();
    }, { rootMargin: '200px' });
    io.observe(el);
    return () => io.disconnect();
  }, [cursor, loadMore]);

  const pending = new Set(usePendingApprovals().map((p) => p.sessionId));
  const now = useClock(MINUTE_MS);
  return (
    <section className="panel sessions-panel" aria-labelledby="sessions-heading">
      <div className="panel-head">
        <h2 id="sessions-heading">Sessions <span className="sr-only">of {projectName}</span></h2>
      </div>
      <ErrorMessage message={error} />
      {archivedCount > 0 && (
        <p className="archive-notice small-text" role="note">
          {archivedCount === 1 ? '1 session was' : `${archivedCount} sessions were`} removed from disk; kept in the archive
          {' '}(still readable and searchable).
        </p>
      )}
      {!loading && items.length === 0 && !error && <p className="muted small-text">No sessions in this project yet.</p>}
      <ul className="session-list" aria-label={`Sessions of ${projectName}`} aria-busy={loading}>
        {items.map((s) => (
          <li key={s.id}>
            <a href={sessionHref(projectId, s.id)} className={`session-link${s.id === selectedId ? ' selected' : ''}`}
              aria-current={s.id === selectedId ? 'page' : undefined}>
              <span className="session-title">{sessionTitle(s)}</span>
              {pending.has(s.id) && <span className="badge badge-alert">Needs approval</span>}
              {s.archived && <ArchivedBadge session={s} />}
              <span className="session-meta">
                <time dateTime={s.lastActivityAt ?? undefined} title={s.lastActivityAt ?? undefined}>
                  {relativeTime(s.lastActivityAt, now)}
                </time>
                <span>{s.messageCount} {s.messageCount === 1 ? 'message' : 'messages'}</span>
              </span>
            </a>
          </li>
        ))}
        {cursor && (
          <li ref={sentinel} className="more">
            <button type="button" className="small" onClick={() => void loadMore()} disabled={loading}>
              {loading ? 'Loading…' : 'Load more sessions'}
            </button>
          </li>
        )}
      </ul>
      {loading && items.length === 0 && <p className="muted small-text" role="status">Loading sessions…</p>}
    </section>
  );
}
