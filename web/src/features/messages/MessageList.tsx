/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import { memo, useEffect, useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Message } from '../../api/types';
import { MessageView } from './Blocks';
import { highlightMatches } from './highlightMatches';

/** Older (or newer) pages load while the reader is within this many rows of the loaded content's edge. */
const LOAD_WITHIN_ROWS = 12;
const AT_BOTTOM_PX = 80;

/** Where the list should show next: a message (a search match), or an end of what is loaded. */
export type ScrollRequest = { token: number } & ({ seq: number } | { edge: 'top' | 'bottom' });

export interface MatchHighlight {
  words: string[];
  /** The match being shown, outlined; its words are marked. */
  current: number | null;
}

/** A row's height before it is measured: roughly by how much it holds, so far jumps land close. */
function estimate(m: Message): number {
  let chars = 0;
  let blocks = 0;
  for (const b of m.blocks) {
    blocks++;
    if (b.type === 'text' || b.type === 'thinking') chars += b.text.length;
    else if (b.type === 'toolUse') chars += 400;
    else if (b.type === 'toolResult') chars += Math.min(b.content.length, 900);
  }
  return 48 + blocks * 24 + Math.min(900, Math.ceil(chars / 90) * 22);
}

/** A row re-renders only when its message does, not with every scroll of the list. */
const Row = memo(MessageView);

/**
 * The messages of a session in a virtualised list. Older pages load as the reader scrolls up
 * (what was on screen stays where it was), newer ones as they scroll down when the list was
 * opened in the middle (a search match); Home and End jump to the session's start and end;
 * new messages are followed while the reader is at the bottom.
 */
export function MessageList({ rows, hasOlder, hasNewer, loadingOlder, loadingNewer, onLoadOlder, onLoadNewer, onJumpStart,
  onJumpEnd, scrollTo, highlight, footer }: {
  rows: Message[];
  hasOlder: boolean;
  hasNewer: boolean;
  loadingOlder: boolean;
  loadingNewer: boolean;
  onLoadOlder: () => void;
  onLoadNewer: () => void;
  onJumpStart: () => void;
  onJumpEnd: () => void;
  scrollTo: ScrollRequest | null;
  highlight?: MatchHighlight | null;
  /** Shown after the last row (the live turn), followed like new rows while the reader is at the bottom. */
  footer?: ReactNode;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const anchor = useRef<{ key: number; delta: number } | null>(null);
  const atBottom = useRef(true);
  // Just after a jump to the end, rows are still being measured: a measured row shorter than its
  // estimate shrinks the list and the browser pulls the scroll position up, which is not the reader
  // leaving the bottom. Until this time, only the reader's own scrolling counts.
  const pinnedUntil = useRef(0);
  // After a jump to a message (a search match) the list stays there while its rows are measured:
  // a match near the end lands within reach of the bottom, and following the bottom from there
  // would carry it out of view. Only the reader's own scrolling (wheel, touch, keys, scrollbar)
  // lets the list follow the end again.
  /** The message asked for by the last jump (a search match) while the list is held there; else null. */
  const heldSeq = useRef<number | null>(null);
  const done = useRef(0);

  // The first render starts where the list opens (its end, or the asked-for message), by the
  // estimated heights: rendering the top rows first and throwing them away costs a layout.
  const initial = useRef<number | null>(null);
  if (initial.current === null) {
    const index = scrollTo && 'seq' in scrollTo ? rows.findIndex((r) => r.seq >= scrollTo.seq) : rows.length;
    let offset = 8;
    for (let i = 0; i < Math.max(0, index); i++) offset += estimate(rows[i]);
    initial.current = scrollTo && 'edge' in scrollTo && scrollTo.edge === 'top' ? 0 : Math.max(0, offset - 400);
  }

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => estimate(rows[i]),
    overscan: 3,
    getItemKey: (i) => rows[i].seq,
    paddingStart: hasOlder ? 40 : 8,
    paddingEnd: hasNewer ? 40 : 16,
    initialOffset: initial.current,
  });

  // Asked-for positions (the session opened, a jump, a match): once the row is there.
  useLayoutEffect(() => {
    if (!scrollTo || scrollTo.token === done.current || rows.length === 0) return;
    done.current = scrollTo.token;
    anchor.current = null;
    heldSeq.current = 'seq' in scrollTo ? scrollTo.seq : null;
    if ('edge' in scrollTo) {
      atBottom.current = scrollTo.edge === 'bottom' && !hasNewer;
      if (scrollTo.edge === 'bottom') {
        pinnedUntil.current = performance.now() + 800;
        virtualizer.scrollToIndex(rows.length - 1, { align: 'end' });
      } else virtualizer.scrollToOffset(0);
      return;
    }
    const index = rows.findIndex((r) => r.seq >= scrollTo.seq);
    atBottom.current = false;
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'center' });
  }, [scrollTo, rows, virtualizer, hasNewer]);

  // After older rows were prepended, put the row that was on top back where it was; after
  // newer rows were appended, follow them if the reader was at the bottom.
  useLayoutEffect(() => {
    const a = anchor.current;
    const el = scroller.current;
    if (a && el) {
      anchor.current = null;
      const index = rows.findIndex((r) => r.seq === a.key);
      const item = index >= 0 ? virtualizer.measurementsCache[index] : undefined;
      if (item) el.scrollTop = item.start + a.delta;
    } else if (atBottom.current && !hasNewer && rows.length > 0 && done.current !== 0) {
      virtualizer.scrollToIndex(rows.length - 1, { align: 'end' });
    }
  }, [rows, virtualizer, hasNewer]);

  // The live turn grows without adding rows: keep its end in view while the reader is at the bottom.
  const tail = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = tail.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => {
      const sc = scroller.current;
      if (sc && atBottom.current && !hasNewer) sc.scrollTop = sc.scrollHeight;
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [hasNewer]);

  const loading = useRef({ older: loadingOlder, newer: loadingNewer });
  loading.current = { older: loadingOlder, newer: loadingNewer };

  const items = virtualizer.getVirtualItems();
  const firstShown = items[0]?.index ?? 0;
  const lastShown = items[items.length - 1]?.index ?? 0;

  // A page loads when the rows on screen come near an edge of what is loaded (also when a page
  // did not fill the screen). Decided from the virtualiser's range: no layout read while scrolling.
  useEffect(() => {
    if (done.current === 0 || rows.length === 0) return;
    if (hasOlder && !loading.current.older && firstShown < LOAD_WITHIN_ROWS) {
      const el = scroller.current;
      const first = el ? virtualizer.getVirtualItems().find((v) => v.end > el.scrollTop) : undefined;
      if (el && first) anchor.current = { key: Number(first.key), delta: el.scrollTop - first.start };
      loading.current.older = true;
      onLoadOlder();
    }
    if (hasNewer && !loading.current.newer && lastShown > rows.length - 1 - LOAD_WITHIN_ROWS) {
      loading.current.newer = true;
      onLoadNewer();
    }
  }, [firstShown, lastShown, rows.length, hasOlder, hasNewer, loadingOlder, loadingNewer, virtualizer, onLoadOlder, onLoadNewer]);

  // The virtualiser lands a jump over a few frames and gives up after 5 s; on a busy machine, rows
  // measured (or pages loaded) meanwhile can leave the asked-for message outside the rendered
  // window. While the list is held there and the range has settled without it, jump again.
  useEffect(() => {
    const seq = heldSeq.current;
    if (seq === null || done.current === 0) return;
    const index = rows.findIndex((r) => r.seq >= seq);
    if (index < 0 || (index >= firstShown && index <= lastShown)) return;
    const retry = setTimeout(() => {
      if (heldSeq.current !== null) virtualizer.scrollToIndex(index, { align: 'center' });
    }, 200);
    return () => clearTimeout(retry);
  }, [firstShown, lastShown, rows, virtualizer]);

  // Rows measured taller than estimated push the end down: while the reader is at the bottom,
  // stay there. Only a move up leaves the bottom (growth below or above never does).
  const lastOffset = useRef(0);
  function onScroll() {
    const offset = virtualizer.scrollOffset ?? 0;
    const height = virtualizer.scrollRect?.height ?? 0;
    const near = !hasNewer && virtualizer.getTotalSize() - offset - height < AT_BOTTOM_PX;
    if (near && heldSeq.current === null) atBottom.current = true;
    else if (offset < lastOffset.current - 2 && performance.now() > pinnedUntil.current) atBottom.current = false;
    lastOffset.current = offset;
  }
  const total = virtualizer.getTotalSize();
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && atBottom.current && !hasNewer && done.current !== 0) el.scrollTop = el.scrollHeight;
  }, [total, hasNewer]);

  function onReaderScrolls() {
    heldSeq.current = null;
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    onReaderScrolls();
    // In the list but not in a control of a message (a button, a link, a text field): Home and End are the session's.
    const inControl = (e.target as Element).closest('button, a, input, textarea, select, summary, [contenteditable="true"]');
    if (inControl || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    if (e.key === 'Home') {
      e.preventDefault();
      onJumpStart();
    } else if (e.key === 'End') {
      e.preventDefault();
      onJumpEnd();
    }
  }

  const current = highlight?.current ?? null;
  const words = highlight?.words;
  useEffect(() => {
    const el = scroller.current;
    if (el) highlightMatches(el, words ?? [], current);
  });
  useEffect(() => () => highlightMatches(null, [], null), []);

  return (
    <div className="message-pane">
      <div ref={scroller} className="message-scroller" onScroll={onScroll} onKeyDown={onKeyDown}
        onWheel={onReaderScrolls} onTouchMove={onReaderScrolls} onPointerDown={onReaderScrolls} tabIndex={0} role="feed"
        aria-label="Messages" aria-busy={loadingOlder || loadingNewer} aria-keyshortcuts="Home End PageUp PageDown">
        <div className="message-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {hasOlder && <p className="older muted small-text" role="status">{loadingOlder ? 'Loading older messages…' : 'Older messages load as you scroll up'}</p>}
          <div className="message-window" style={{ transform: `translateY(${items[0]?.start ?? 0}px)` }}>
            {items.map((v) => (
              <div key={v.key} data-index={v.index} data-seq={rows[v.index].seq} ref={virtualizer.measureElement}
                className={`message-row${rows[v.index].seq === current ? ' is-current-match' : ''}`}>
                <Row message={rows[v.index]} />
              </div>
            ))}
          </div>
          {hasNewer && <p className="newer muted small-text" role="status">{loadingNewer ? 'Loading newer messages…' : 'Newer messages load as you scroll down'}</p>}
        </div>
        {!hasNewer && <div ref={tail} className="message-tail">{footer}</div>}
      </div>
      <div className="jump-buttons">
        <button type="button" className="icon jump" onClick={onJumpStart} aria-label="Jump to the start of the session" title="Start of the session (Home)">
          <span aria-hidden="true">⤒</span>
        </button>
        <button type="button" className="icon jump" onClick={onJumpEnd} aria-label="Jump to the latest message" title="Latest message (End)">
          <span aria-hidden="true">⤓</span>
        </button>
      </div>
    </div>
  );
}
