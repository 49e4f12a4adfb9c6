import { useCallback, useRef, useState } from 'react';
import { errorMessage, listMessages } from '../../api/client';
import type { Message, MessagePage } from '../../api/types';
import type { ScrollRequest } from '../messages/MessageList';
import { useLatest } from '../useLatest';

export const PAGE = 100;
/** The page a session opens with: small, so switching sessions is quick; older pages follow as the reader scrolls. */
export const FIRST_PAGE = 50;

export function mergeBySeq(a: Message[], b: Message[]): Message[] {
  const bySeq = new Map<number, Message>();
  for (const m of a) bySeq.set(m.seq, m);
  for (const m of b) bySeq.set(m.seq, m);
  return Array.from(bySeq.values()).sort((x, y) => x.seq - y.seq);
}

export interface HistoryState {
  messages: Message[];
  /** Cursor of the older page; null when the start of the session is loaded. */
  nextBefore: number | null;
  /** Cursor of the newer page; null when the newest message is loaded (live turns follow it). */
  nextAfter: number | null;
  loadingOlder: boolean;
  loadingNewer: boolean;
  scrollTo: ScrollRequest | null;
}

const EMPTY: HistoryState = { messages: [], nextBefore: null, nextAfter: null, loadingOlder: false, loadingNewer: false, scrollTo: null };

/**
 * The loaded part of a session's history: a window of pages that grows older and newer as the
 * reader scrolls, and is replaced by a jump (to the start, the end, or a search match).
 */
export function useSessionHistory(sessionId: string, onError: (message: string) => void) {
  const [state, setState] = useState<HistoryState>(EMPTY);
  const token = useRef(0);
  const busy = useRef({ older: false, newer: false });
  const jumpId = useRef(0);
  const current = useLatest(state);
  const report = useLatest(onError);

  /** Replaces what is loaded by a page, and says where to show it. */
  const show = useCallback((page: MessagePage, where: { seq: number } | { edge: 'top' | 'bottom' }) => {
    token.current++;
    setState({
      messages: mergeBySeq([], page.items),
      nextBefore: page.nextBefore ?? null,
      nextAfter: page.nextAfter ?? null,
      loadingOlder: false,
      loadingNewer: false,
      scrollTo: { token: token.current, ...where },
    });
  }, []);

  const jump = useCallback(async (fetch: () => Promise<MessagePage>, where: { seq: number } | { edge: 'top' | 'bottom' }) => {
    const id = ++jumpId.current;
    try {
      const page = await fetch();
      if (id === jumpId.current) show(page, where);
    } catch (err) {
      if (id === jumpId.current) report.current(errorMessage(err));
    }
  }, [show, report]);

  const jumpToStart = useCallback(() => {
    if (current.current.nextBefore == null && current.current.messages.length > 0) {
      token.current++;
      setState((s) => ({ ...s, scrollTo: { token: token.current, edge: 'top' } }));
      return Promise.resolve();
    }
    return jump(() => listMessages(sessionId, { limit: PAGE, after: -1 }), { edge: 'top' });
  }, [jump, sessionId, current]);

  const jumpToEnd = useCallback(() => {
    if (current.current.nextAfter == null && current.current.messages.length > 0) {
      token.current++;
      setState((s) => ({ ...s, scrollTo: { token: token.current, edge: 'bottom' } }));
      return Promise.resolve();
    }
    return jump(() => listMessages(sessionId, { limit: FIRST_PAGE }), { edge: 'bottom' });
  }, [jump, sessionId, current]);

  /** Shows message `seq`: scrolls to it when it is loaded, else loads the page around it. */
  const jumpTo = useCallback((seq: number) => {
    const s = current.current;
    if (s.messages.some((m) => m.seq === seq)) {
      token.current++;
      setState((old) => ({ ...old, scrollTo: { token: token.current, seq } }));
      return Promise.resolve();
    }
    return jump(() => listMessages(sessionId, { limit: PAGE, around: seq }), { seq });
  }, [jump, sessionId, current]);

  const loadOlder = useCallback(async () => {
    const before = current.current.nextBefore;
    if (busy.current.older || before == null) return;
    busy.current.older = true;
    const id = jumpId.current;
    setState((s) => ({ ...s, loadingOlder: true }));
    try {
      const page = await listMessages(sessionId, { limit: PAGE, before });
      if (id === jumpId.current) {
        setState((s) => ({ ...s, messages: mergeBySeq(page.items, s.messages), nextBefore: page.nextBefore ?? null, loadingOlder: false }));
      }
    } catch (err) {
      report.current(errorMessage(err));
      setState((s) => ({ ...s, loadingOlder: false }));
    } finally {
      busy.current.older = false;
    }
  }, [sessionId, current, report]);

  const loadNewer = useCallback(async () => {
    const after = current.current.nextAfter;
    if (busy.current.newer || after == null) return;
    busy.current.newer = true;
    const id = jumpId.current;
    setState((s) => ({ ...s, loadingNewer: true }));
    try {
      const page = await listMessages(sessionId, { limit: PAGE, after });
      if (id === jumpId.current) {
        setState((s) => ({ ...s, messages: mergeBySeq(s.messages, page.items), nextAfter: page.nextAfter ?? null, loadingNewer: false }));
      }
    } catch (err) {
      report.current(errorMessage(err));
      setState((s) => ({ ...s, loadingNewer: false }));
    } finally {
      busy.current.newer = false;
    }
  }, [sessionId, current, report]);

  /**
   * The newest page again (the transcript grew): merged only when the newest message is loaded,
   * else it would leave a gap between what the reader sees and the end.
   */
  const mergeNewest = useCallback((page: MessagePage) => {
    setState((s) => (s.nextAfter != null ? s : { ...s, messages: mergeBySeq(s.messages, page.items) }));
  }, []);

  return { state, show, jumpToStart, jumpToEnd, jumpTo, loadOlder, loadNewer, mergeNewest };
}
