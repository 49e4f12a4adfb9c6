import { memo, useMemo, useState } from 'react';
import type { Message, ToolUseBlock } from '../../api/types';
import { Thinking } from '../messages/Blocks';
import { ThreadContext } from '../messages/context';
import { Markdown } from '../messages/Markdown';
import type { ResultRef } from '../messages/thread';
import { ToolCard } from '../messages/ToolCards';
import { formatCost, formatCount } from '../shared';
import { PermissionCard } from './PermissionCard';
import { PlanCard } from './PlanCard';
import { QuestionCard } from './QuestionCard';
import type { LiveTurn, TurnItem } from './turns';
import { useStrings } from '../../i18n/catalog';
import { currentLanguage } from '../../i18n/current';
import { chatStrings } from './strings';

type ChatWords = typeof chatStrings.en;

const ENDED: Record<string, keyof ChatWords> = {
  completed: 'endedCompleted',
  interrupted: 'endedInterrupted',
  failed: 'endedFailed',
  lost: 'endedLost',
};

const STATUS: Record<string, keyof ChatWords> = {
  sending: 'statusSending',
  starting: 'statusStarting',
  running: 'statusRunning',
  requesting: 'statusRequesting',
  awaiting_permission: 'statusAwaitingPermission',
  api_retry: 'statusApiRetry',
};

/** A word of the table by key: the status and end keys above name plain strings. */
function word(t: ChatWords, key: keyof ChatWords | undefined): string | undefined {
  const w = key ? t[key] : undefined;
  return typeof w === 'string' ? w : undefined;
}

/** A run's duration in seconds, one decimal, written the way the language writes numbers. */
function seconds(ms: number): string {
  return new Intl.NumberFormat(currentLanguage(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(ms / 1000);
}

/** One item; memoised so that a streamed delta re-renders only the block it grows. */
const Item = memo(function Item({ item, asked }: { item: TurnItem; asked?: boolean }) {
  switch (item.type) {
    case 'text':
      // Markdown is parsed once the block is complete; while it streams, plain text is cheap to grow.
      return item.streaming ? <div className="plain streaming">{item.text}</div> : <Markdown text={item.text} />;
    case 'thinking':
      return <Thinking text={item.text} />;
    case 'tool':
      return (
        <>
          <ToolCard use={{ type: 'toolUse', id: item.id, name: item.name, input: item.input }} />
          {!asked && <ToolWhy item={item} />}
        </>
      );
    case 'permission':
      // Questions and plans ask for words or a review, not for leave to run a tool.
      if (item.request.questions?.length) return <QuestionCard item={item} />;
      if (item.request.plan != null || item.request.toolName === 'ExitPlanMode') return <PlanCard item={item} />;
      return <PermissionCard item={item} />;
    case 'error':
      return <p className="error" role="alert">{item.message}</p>;
  }
});

/**
 * Why a call ran or was refused without anyone asked: the saved rule the server matched (a project's,
 * a personal or an account-wide one), or, for a refusal no saved rule explains, the CLI's own settings.
 */
export function ToolWhy({ item }: { item: Extract<TurnItem, { type: 'tool' }> }) {
  const t = useStrings(chatStrings);
  const rule = item.savedRule;
  if (item.deniedWithoutAsking) {
    return (
      <p className="permission-why small-text muted" role="note">
        {rule?.behavior === 'deny'
          ? <>{t.deniedBySavedRule} <code>{rule.rule}</code>: {item.deniedWithoutAsking}</>
          : <>{t.deniedByCliSettings} {item.deniedWithoutAsking}</>}
      </p>
    );
  }
  if (rule?.behavior === 'allow') {
    return (
      <p className="permission-why small-text muted" role="note">
        {t.allowedByRule} <code>{rule.rule}</code>
      </p>
    );
  }
  return null;
}

/** The previous array while the items in it are the same objects. */
function useStable(items: TurnItem[]): TurnItem[] {
  const [stable, setStable] = useState(items);
  const changed = stable.length !== items.length || stable.some((it, i) => it !== items[i]);
  // Remembered while rendering: React re-renders at once with it, before anything is shown.
  if (changed) setStable(items);
  return changed ? items : stable;
}

function subagentMessages(items: TurnItem[]): Map<string, Message[]> {
  const children = new Map<string, Message[]>();
  items.forEach((it, i) => {
    if ((it.type !== 'text' && it.type !== 'tool') || !it.parent) return;
    const block = it.type === 'text' ? { type: 'text' as const, text: it.text } : ({ type: 'toolUse', id: it.id, name: it.name, input: it.input } satisfies ToolUseBlock);
    const list = children.get(it.parent) ?? [];
    list.push({ seq: -1 - i, role: 'assistant', hidden: false, sidechain: true, blocks: [block] });
    children.set(it.parent, list);
  });
  return children;
}

export function TurnSummary({ turn }: { turn: LiveTurn }) {
  const t = useStrings(chatStrings);
  const r = turn.result;
  const ended = turn.ended;
  const status = turn.status ? word(t, STATUS[turn.status]) ?? turn.status : null;
  return (
    <footer className="turn-foot">
      {!ended && status && <span className="turn-status" role="status"><span className="spinner" aria-hidden="true" />{status}</span>}
      {ended && <span className={`badge turn-ended ended-${ended}`}>{word(t, ENDED[ended]) ?? ended}</span>}
      {r && (
        <span className="turn-usage" aria-label={t.turnUsage}>
          <span className="sr-only">{t.tokensIn}</span><span aria-hidden="true">↑</span>{formatCount(r.inputTokens)}
          {' '}<span className="sr-only">{t.tokensOut}</span><span aria-hidden="true">↓</span>{formatCount(r.outputTokens)}
          {' · '}{formatCost(r.costUsd)}
          {r.durationMs ? ` · ${seconds(r.durationMs)} s` : ''}
        </span>
      )}
      {/* An interrupt ends the turn "with errors" that only describe the interrupt itself. */}
      {r?.isError && ended !== 'interrupted' && r.errors && r.errors.length > 0 && <span className="error">{r.errors.join('; ')}</span>}
    </footer>
  );
}

/** A prompt and what Claude did with it, live, with the history's tool cards. */
export function LiveTurnView({ sessionId, turn, historyPrompt }: { sessionId: string; turn: LiveTurn; historyPrompt?: string | null }) {
  // The context changes only when tool outputs or sub-agent items do, not with every streamed
  // delta: every tool card of the turn reads it.
  const t = useStrings(chatStrings);
  const results = useMemo(() => {
    const map = new Map<string, ResultRef>();
    for (const [id, o] of Object.entries(turn.outputs)) {
      map.set(id, { seq: o.seq, block: { type: 'toolResult', toolUseId: id, content: o.content, isError: o.isError, truncated: false, fullLength: o.content.length } });
    }
    return map;
  }, [turn.outputs]);
  const nested = useStable(turn.items.filter((it) => 'parent' in it && it.parent));
  const children = useMemo(() => subagentMessages(nested), [nested]);
  const running = turn.ended === null;
  const context = useMemo(() => ({ sessionId, results, children, running }), [sessionId, results, children, running]);
  const prompt = turn.prompt ?? historyPrompt ?? null;
  // A tool call waiting for approval is shown once, by its permission card (which holds the same
  // input); its tool card follows once someone decided.
  const asking = new Set(turn.items.flatMap((it) => (it.type === 'permission' && !it.resolved && it.request.toolUseId ? [it.request.toolUseId] : [])));
  const shown = turn.items.filter((it) => (!('parent' in it) || !it.parent) && !(it.type === 'tool' && asking.has(it.id)));
  // A call someone was asked about is explained by its permission card; the others by the rule that decided them.
  const asked = new Set(turn.items.flatMap((it) => (it.type === 'permission' && it.request.toolUseId ? [it.request.toolUseId] : [])));
  return (
    <ThreadContext.Provider value={context}>
      <div className="live-turn" data-run={turn.runId ?? undefined}>
        {(prompt || turn.images.length > 0 || (turn.files?.length ?? 0) > 0) && (
          <article className="message role-user" aria-label={t.youMessage}>
            <header className="message-head"><span className="who">{t.you}</span></header>
            <div className="message-body">
              {prompt && <div className="plain">{prompt}</div>}
              {turn.images.length > 0 && (
                <ul className="thumbs" aria-label={t.attachedImages}>
                  {turn.images.map((src, i) => <li key={i}><img src={src} alt={t.attachedImage(i + 1)} /></li>)}
                </ul>
              )}
              {turn.files && turn.files.length > 0 && (
                <ul className="file-chips" aria-label={t.attachedFiles}>
                  {turn.files.map((name, i) => <li key={i} className="file-chip"><span className="file-chip-name">{name}</span></li>)}
                </ul>
              )}
            </div>
          </article>
        )}
        {(shown.length > 0 || turn.runId) && (
          <article className="message role-assistant is-live" aria-label={t.claudeMessage} aria-busy={!turn.ended}>
            <header className="message-head">
              <span className="who">{'Claude'}</span>
              {turn.model && <span className="muted small-text">{turn.model}</span>}
              {turn.effort && <span className="muted small-text" aria-label={t.effort}>{t.effortValue(turn.effort)}</span>}
            </header>
            <div className="message-body">
              {shown.map((it) => <Item key={it.id} item={it} asked={asked.has(it.id)} />)}
            </div>
            <TurnSummary turn={turn} />
          </article>
        )}
        {!turn.runId && <TurnSummary turn={turn} />}
      </div>
    </ThreadContext.Provider>
  );
}
