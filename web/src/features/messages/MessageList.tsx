import { useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Message } from '../../api/types';
import { MessageView } from './Blocks';

const LOAD_OLDER_WITHIN_PX = 600;
const AT_BOTTOM_PX = 80;

/**
 * The messages of a session in a virtualised list: it opens at the newest message, asks for
 * older pages when scrolled near the top (keeping what is on screen in place), and follows
 * new messages while the reader is at the bottom.
 */
export function MessageList({ rows, hasOlder, loadingOlder, onLoadOlder, footer }: {
  rows: Message[];
  hasOlder: boolean;
  loadingOlder: boolean;
  onLoadOlder: () => void;
  /** Shown after the last row (the live turn), followed like new rows while the reader is at the bottom. */
  footer?: ReactNode;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const anchor = useRef<{ key: number; delta: number } | null>(null);
  const atBottom = useRef(true);
  const initialised = useRef(false);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 140,
    overscan: 6,
    getItemKey: (i) => rows[i].seq,
    // room for the “Load older messages” button above the first row
    paddingStart: hasOlder || loadingOlder ? 52 : 8,
    paddingEnd: 16,
  });

  // Open at the newest message.
  useEffect(() => {
    if (initialised.current || rows.length === 0) return;
    initialised.current = true;
    virtualizer.scrollToIndex(rows.length - 1, { align: 'end' });
  }, [rows.length, virtualizer]);

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
    } else if (initialised.current && atBottom.current && rows.length > 0) {
      virtualizer.scrollToIndex(rows.length - 1, { align: 'end' });
    }
  }, [rows, virtualizer]);

  // The live turn grows without adding rows: keep its end in view while the reader is at the bottom.
  const tail = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = tail.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => {
      const sc = scroller.current;
      if (sc && atBottom.current) sc.scrollTop = sc.scrollHeight;
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  function onScroll() {
    const el = scroller.current;
    if (!el) return;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < AT_BOTTOM_PX;
    if (hasOlder && !loadingOlder && el.scrollTop < LOAD_OLDER_WITHIN_PX) {
      const first = virtualizer.getVirtualItems().find((v) => v.end > el.scrollTop);
      if (first) anchor.current = { key: Number(first.key), delta: el.scrollTop - first.start };
      onLoadOlder();
    }
  }

  const items = virtualizer.getVirtualItems();
  return (
    <div ref={scroller} className="message-scroller" onScroll={onScroll} tabIndex={0} role="feed"
      aria-label="Messages" aria-busy={loadingOlder}>
      <div className="message-canvas" style={{ height: virtualizer.getTotalSize() }}>
        {(hasOlder || loadingOlder) && (
          <div className="older">
            <button type="button" className="small" onClick={onLoadOlder} disabled={loadingOlder}>
              {loadingOlder ? 'Loading older messages…' : 'Load older messages'}
            </button>
          </div>
        )}
        <div className="message-window" style={{ transform: `translateY(${items[0]?.start ?? 0}px)` }}>
          {items.map((v) => (
            <div key={v.key} data-index={v.index} ref={virtualizer.measureElement} className="message-row">
              <MessageView message={rows[v.index]} />
            </div>
          ))}
        </div>
      </div>
      <div ref={tail} className="message-tail">{footer}</div>
    </div>
  );
}
