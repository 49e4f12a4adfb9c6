/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import { getPermissionRules } from '../../api/permissionRules';
import type { Message } from '../../api/types';
import { ThreadContext } from '../messages/context';
import { MessageList, type MatchHighlight, type ScrollRequest } from '../messages/MessageList';
import { buildThread } from '../messages/thread';
import { useChatNotice, useChatStore, useLiveSession } from './ChatContext';
import { Composer } from './Composer';
import { QueueStrip } from './QueueStrip';
import { historyPrompt, retirable, visibleHistory } from './handover';
import { LiveTurnView, TurnSummary } from './LiveTurnView';
import { ChatProjectContext, SavedAllowRulesContext } from './projectContext';
import { useLoad } from '../useLoad';
import { activeTurn, type LiveTurn } from './turns';

/** The loaded window of a session's history and how to move it (see useSessionHistory). */
export interface HistoryWindow {
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
}

const NONE = () => undefined;
const AT_END: ScrollRequest = { token: 1, edge: 'bottom' };
const NEW_CHAT: HistoryWindow = {
  hasOlder: false, hasNewer: false, loadingOlder: false, loadingNewer: false, onLoadOlder: NONE, onLoadNewer: NONE,
  onJumpStart: NONE, onJumpEnd: NONE, scrollTo: AT_END,
};

/**
 * A chat: the indexed history, the live turns after it, and the composer. `chatKey` is the
 * session id, or a draft key while a new session has no id yet.
 */
export function ChatPane({ chatKey, projectId, sessionId, messages, showHidden, history = NEW_CHAT, loading,
  models, onSent, onTurnEnded, autoFocus, emptyText, forkFrom }: {
  chatKey: string;
  projectId: string;
  sessionId: string | null;
  messages: Message[];
  showHidden: boolean;
  history?: HistoryWindow;
  loading: boolean;
  models: string[];
  onSent?: (sessionId: string) => void;
  /** A run ended: the history and the session's totals are worth refreshing. */
  onTurnEnded?: () => void;
  autoFocus?: boolean;
  emptyText: string;
  /** A new chat that forks this session: its first message starts the fork. */
  forkFrom?: string;
}) {
  const store = useChatStore();
  const live = useLiveSession(chatKey);
  const [notice, clearNotice] = useChatNotice();
  const [handedOver, setHandedOver] = useState<LiveTurn | null>(null);

  useEffect(() => (store && sessionId ? store.watch(sessionId, projectId) : undefined), [store, sessionId, projectId]);

  const shown = useMemo(() => visibleHistory(messages, live.turns), [messages, live.turns]);
  const thread = useMemo(() => buildThread(shown, showHidden), [shown, showHidden]);
  const context = useMemo(() => ({ sessionId: sessionId ?? '', results: thread.results, children: thread.children }), [sessionId, thread]);

  // Completed turns the history now holds leave the live part; the last one's usage stays in view
  // below. It is remembered while rendering (React re-renders at once, before anything is shown),
  // and the store is told in an effect, as it is outside React.
  const done = useMemo(() => (store && sessionId ? retirable(messages, live.turns) : []), [store, sessionId, messages, live.turns]);
  const lastDone = done.length > 0 ? done[done.length - 1] : null;
  if (lastDone && lastDone !== handedOver) setHandedOver(lastDone);
  useEffect(() => {
    if (store && sessionId && done.length > 0) store.retire(sessionId, done.map((t) => t.key));
  }, [store, sessionId, done]);

  const endedCount = live.turns.filter((t) => t.ended).length;
  const ended = useRef(endedCount);
  const onEnded = useEffectEvent(() => onTurnEnded?.());
  useEffect(() => {
    if (endedCount > ended.current) onEnded();
    ended.current = endedCount;
  }, [endedCount]);

  // What runs here start with: a tool card then says which saved rule let a call run without asking.
  const [allowRules, setAllowRules] = useState<string[]>([]);
  const loadRules = useCallback(async () => {
    try {
      const rules = await getPermissionRules(projectId);
      setAllowRules(rules.items.filter((r) => r.behavior === 'allow').map((r) => r.rule));
    } catch {
      // Without them the cards only say nothing about saved rules.
    }
  }, [projectId]);
  useLoad(loadRules);
  const savedRules = useMemo(() => ({ allow: allowRules, reload: () => void loadRules() }), [allowRules, loadRules]);

  const running = activeTurn(live);
  const cliCommands = useMemo(() => [...live.turns].reverse().find((t) => t.slashCommands)?.slashCommands ?? [], [live.turns]);
  const cliMode = useMemo(() => [...live.turns].reverse().find((t) => t.permissionMode)?.permissionMode ?? null, [live.turns]);
  const seenModels = useMemo(() => Array.from(new Set([...models, ...live.turns.map((t) => t.model ?? '')])).filter(Boolean), [models, live.turns]);
  const liveTurns = live.turns.map((t) => (
    <LiveTurnView key={t.key} sessionId={sessionId ?? ''} turn={t} historyPrompt={historyPrompt(messages, t)} />
  ));
  const empty = thread.rows.length === 0 && !history.hasOlder && !history.hasNewer && live.turns.length === 0;

  return (
    <ChatProjectContext.Provider value={projectId}>
    <SavedAllowRulesContext.Provider value={savedRules}>
      {loading ? (
        <p className="muted center" role="status">Loading messages…</p>
      ) : empty ? (
        <p className="muted center chat-empty">{emptyText}</p>
      ) : (
        <ThreadContext.Provider value={context}>
          <MessageList rows={thread.rows} {...history} scrollTo={history.scrollTo ?? AT_END} footer={<>{liveTurns}</>} />
        </ThreadContext.Provider>
      )}
      {handedOver && live.turns.length === 0 && (
        <div className="last-turn muted small-text" aria-label="Last turn">Last turn: <TurnSummary turn={handedOver} /></div>
      )}
      {notice && (
        <p className="error" role="alert">
          {notice} <button type="button" className="link" onClick={clearNotice}>Dismiss</button>
        </p>
      )}
      {sessionId && <QueueStrip sessionId={sessionId} items={live.queue} />}
      <Composer chatKey={chatKey} projectId={projectId} sessionId={sessionId} activeRunId={running?.runId ?? null}
        models={seenModels} slashCommands={cliCommands} cliMode={cliMode} onSent={onSent} autoFocus={autoFocus}
        waiting={live.queue?.length ?? 0} forkFrom={forkFrom} />
    </SavedAllowRulesContext.Provider>
    </ChatProjectContext.Provider>
  );
}
