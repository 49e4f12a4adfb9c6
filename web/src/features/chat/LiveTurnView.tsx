/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
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
import { useSavedAllowRules } from './projectContext';
import { allowingRule } from './ruleMatch';
import { QuestionCard } from './QuestionCard';
import type { LiveTurn, TurnItem } from './turns';

const ENDED: Record<string, string> = {
  completed: 'Completed',
  interrupted: 'Interrupted',
  failed: 'Failed',
  lost: 'Lost: the server stopped during this run',
};

const STATUS: Record<string, string> = {
  sending: 'Sending…',
  starting: 'Starting Claude…',
  running: 'Claude is working…',
  requesting: 'Claude is thinking…',
  awaiting_permission: 'Waiting for your approval',
  api_retry: 'The API is busy: retrying…',
};

/** One item; memoised so that a streamed delta re-renders only the block it grows. */
const Item = memo(function Item({ item, allowedBy }: { item: TurnItem; allowedBy?: string | null }) {
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
          {allowedBy && (
            <p className="permission-why small-text muted" role="note">
              Allowed without asking, by the saved rule <code>{allowedBy}</code>
            </p>
          )}
          {item.deniedWithoutAsking && (
            <p className="permission-why small-text muted" role="note">
              Denied without asking, by a deny rule (this project&apos;s saved rules or the CLI&apos;s settings): {item.deniedWithoutAsking}
            </p>
          )}
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
  const r = turn.result;
  const ended = turn.ended;
  const status = turn.status ? STATUS[turn.status] ?? turn.status : null;
  return (
    <footer className="turn-foot">
      {!ended && status && <span className="turn-status" role="status"><span className="spinner" aria-hidden="true" />{status}</span>}
      {ended && <span className={`badge turn-ended ended-${ended}`}>{ENDED[ended] ?? ended}</span>}
      {r && (
        <span className="turn-usage" aria-label="Tokens and cost of this turn">
          <span className="sr-only">Tokens in </span><span aria-hidden="true">↑</span>{formatCount(r.inputTokens)}
          {' '}<span className="sr-only">out </span><span aria-hidden="true">↓</span>{formatCount(r.outputTokens)}
          {' · '}{formatCost(r.costUsd)}
          {r.durationMs ? ` · ${(r.durationMs / 1000).toFixed(1)} s` : ''}
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
  // A call that was never asked about and that a saved allow rule covers ran because of that rule.
  const { allow } = useSavedAllowRules();
  const asked = new Set(turn.items.flatMap((it) => (it.type === 'permission' && it.request.toolUseId ? [it.request.toolUseId] : [])));
  const allowedBy = (it: TurnItem) =>
    it.type === 'tool' && !asked.has(it.id) && !it.deniedWithoutAsking ? allowingRule(allow, it.name, it.input) : null;
  return (
    <ThreadContext.Provider value={context}>
      <div className="live-turn" data-run={turn.runId ?? undefined}>
        {(prompt || turn.images.length > 0 || (turn.files?.length ?? 0) > 0) && (
          <article className="message role-user" aria-label="You message">
            <header className="message-head"><span className="who">You</span></header>
            <div className="message-body">
              {prompt && <div className="plain">{prompt}</div>}
              {turn.images.length > 0 && (
                <ul className="thumbs" aria-label="Attached images">
                  {turn.images.map((src, i) => <li key={i}><img src={src} alt={`Attached image ${i + 1}`} /></li>)}
                </ul>
              )}
              {turn.files && turn.files.length > 0 && (
                <ul className="file-chips" aria-label="Attached files">
                  {turn.files.map((name, i) => <li key={i} className="file-chip"><span className="file-chip-name">{name}</span></li>)}
                </ul>
              )}
            </div>
          </article>
        )}
        {(shown.length > 0 || turn.runId) && (
          <article className="message role-assistant is-live" aria-label="Claude message" aria-busy={!turn.ended}>
            <header className="message-head">
              <span className="who">Claude</span>
              {turn.model && <span className="muted small-text">{turn.model}</span>}
              {turn.effort && <span className="muted small-text" aria-label="Effort">{`effort ${turn.effort}`}</span>}
            </header>
            <div className="message-body">
              {shown.map((it) => <Item key={it.id} item={it} allowedBy={allowedBy(it)} />)}
            </div>
            <TurnSummary turn={turn} />
          </article>
        )}
        {!turn.runId && <TurnSummary turn={turn} />}
      </div>
    </ThreadContext.Provider>
  );
}
