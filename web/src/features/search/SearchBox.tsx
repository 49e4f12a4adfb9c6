/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import { useEffect, useId, useRef, useState, type Ref } from 'react';
import { errorMessage, search } from '../../api/client';
import type { SearchHit } from '../../api/types';
import { relativeTime } from '../shared';
import { navigate, sessionHref } from '../shell/route';
import { Snippet } from './Snippet';

const DEBOUNCE_MS = 250;

/** Full-text search across the caller's sessions; picking a hit opens its session. */
export function SearchBox({ inputRef }: { inputRef: Ref<HTMLInputElement> }) {
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [loading, setLoading] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const listId = useId();

  useEffect(() => {
    const query = q.trim();
    if (!query) return;
    let cancelled = false;
    const t = setTimeout(async () => {
      setLoading(true);
      try {
        const res = await search(query.slice(0, 500));
        if (!cancelled) {
          setHits(res.items ?? []);
          setCursor(res.nextCursor ?? null);
          setError(null);
        }
      } catch (err) {
        if (!cancelled) setError(errorMessage(err));
      } finally {
        if (!cancelled) setLoading(false);
      }
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(t);
    };
  }, [q]);

  /** A new query; an empty one clears the hits at once (a non-empty one is searched after a pause). */
  function edit(value: string) {
    setQ(value);
    if (value.trim()) return;
    setHits(null);
    setCursor(null);
    setError(null);
  }

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  async function loadMore() {
    if (!cursor || more) return;
    setMore(true);
    try {
      const res = await search(q.trim().slice(0, 500), { cursor });
      setHits((old) => [...(old ?? []), ...(res.items ?? []).filter((h) => !(old ?? []).some((o) => o.sessionId === h.sessionId))]);
      setCursor(res.nextCursor ?? null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setMore(false);
    }
  }

  /** Opens the session at its newest match of the search, highlighted, with next/previous match. */
  function pick(hit: SearchHit) {
    setOpen(false);
    navigate(sessionHref(hit.projectId, hit.sessionId, q.trim().slice(0, 500)));
  }

  const showPanel = open && q.trim().length > 0;
  return (
    <div className="search" ref={root} role="search">
      <label htmlFor={`${listId}-input`} className="sr-only">Search all sessions</label>
      <input id={`${listId}-input`} ref={inputRef} type="search" placeholder="Search sessions" value={q}
        autoComplete="off" aria-controls={listId} aria-expanded={showPanel}
        onChange={(e) => { edit(e.target.value); setOpen(true); }}
        onFocus={() => setOpen(true)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            setOpen(false);
            (e.target as HTMLInputElement).blur();
          } else if (e.key === 'ArrowDown') {
            e.preventDefault();
            root.current?.querySelector<HTMLElement>('.search-hit')?.focus();
          } else if (e.key === 'Enter' && hits?.[0]) {
            pick(hits[0]);
          }
        }} />
      {showPanel && (
        <div id={listId} className="search-results" aria-label="Search results"
          onKeyDown={(e) => {
            if (e.key === 'Escape') setOpen(false);
            if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
            e.preventDefault();
            const items = Array.from(root.current?.querySelectorAll<HTMLElement>('.search-hit') ?? []);
            const i = items.indexOf(document.activeElement as HTMLElement);
            items[Math.max(0, Math.min(items.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)))]?.focus();
          }}>
          {error && <p className="error" role="alert">{error}</p>}
          {loading && !hits && <p className="muted" role="status">Searching…</p>}
          {hits && hits.length === 0 && !error && <p className="muted" role="status">No session matches.</p>}
          {hits && hits.length > 0 && (
            <ul>
              {hits.map((h) => (
                <li key={`${h.sessionId}`}>
                  <a className="search-hit" href={sessionHref(h.projectId, h.sessionId, q.trim())}
                    onClick={(e) => { e.preventDefault(); pick(h); }}>
                    <span className="hit-title">{h.title?.trim() || `Session ${h.sessionId.slice(0, 8)}`}</span>
                    <span className="hit-time muted">{relativeTime(h.lastActivityAt)}</span>
                    {h.projectName && <span className="hit-project"><span className="sr-only">in project </span>{h.projectName}</span>}
                    <Snippet html={h.snippet} />
                  </a>
                </li>
              ))}
            </ul>
          )}
          {cursor && hits && (
            <div className="search-more">
              <button type="button" className="small" onClick={() => void loadMore()} disabled={more}>
                {more ? 'Loading…' : 'More results'}
              </button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
