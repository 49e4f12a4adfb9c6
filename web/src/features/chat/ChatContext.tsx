import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { notifyIfHidden } from '../notify/notify';
import { useLiveConnection, useOnReconnect } from '../live/LiveContext';
import { sessionHref } from '../shell/route';
import type { ChatStore, PendingApproval } from './store';
import type { SessionLive } from './turns';
import { stringsNow } from '../../i18n/catalog';
import { chatStrings } from './strings';

const EMPTY_SESSION: SessionLive = { lastSeq: 0, turns: [] };

const ChatContext = createContext<ChatStore | null>(null);

/** What a waiting request asks of the person, in a notification's title and body. */
function approvalNotice(toolName: string): [string, string] {
  const t = stringsNow(chatStrings);
  if (toolName === 'AskUserQuestion') return [t.notifyQuestion, t.notifyQuestionBody];
  if (toolName === 'ExitPlanMode') return [t.notifyPlan, t.notifyPlanBody];
  return [t.notifyApproval, t.notifyApprovalBody(toolName)];
}

/**
 * The page's live chats; needs the LiveProvider around it. The store is a chunk of its own,
 * loaded right after the first render, to keep the initial script small; until it is there,
 * chats read as empty.
 */
export function ChatProvider({ children }: { children: ReactNode }) {
  const conn = useLiveConnection();
  const [store, setStore] = useState<ChatStore | null>(null);
  useEffect(() => {
    if (!conn) return;
    let alive = true;
    let created: ChatStore | null = null;
    let off = () => {};
    void import('./store').then(({ ChatStore: Store }) => {
      if (!alive) return;
      created = new Store(conn);
      void created.trackActiveRuns();
      off = created.onNotable((n) => {
        const href = n.projectId ? sessionHref(n.projectId, n.sessionId) : null;
        if (n.kind === 'permission') notifyIfHidden(...approvalNotice(n.toolName), n.sessionId, n.at, href);
        else {
          const t = stringsNow(chatStrings);
          notifyIfHidden(n.reason === 'completed' ? t.notifyFinished : t.notifyEnded(n.reason), t.notifyEndedBody, n.sessionId, n.at, href);
        }
      });
      setStore(created);
    });
    return () => {
      alive = false;
      off();
      created?.dispose();
    };
  }, [conn]);
  useOnReconnect(() => void store?.trackActiveRuns());
  return <ChatContext.Provider value={store}>{children}</ChatContext.Provider>;
}

export function useChatStore(): ChatStore | null {
  return useContext(ChatContext);
}

/** The live state of one chat (a session id or a draft key), re-rendered at most once per frame. */
export function useLiveSession(key: string): SessionLive {
  const store = useChatStore();
  return useSyncExternalStore(
    (l) => (store ? store.listen(key, l) : () => undefined),
    () => (store ? store.get(key) : EMPTY_SESSION),
  );
}

const NONE: PendingApproval[] = [];

export function usePendingApprovals(): PendingApproval[] {
  const store = useChatStore();
  return useSyncExternalStore(
    (l) => (store ? store.listenAny(l) : () => undefined),
    () => (store ? store.pendingApprovals() : NONE),
  );
}

export function useChatNotice(): [string | null, () => void] {
  const store = useChatStore();
  const notice = useSyncExternalStore(
    (l) => (store ? store.listenAny(l) : () => undefined),
    () => (store ? store.getNotice() : null),
  );
  return [notice, () => store?.clearNotice()];
}
