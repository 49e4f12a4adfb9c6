import type { Message } from '../../api/types';
import type { LiveTurn } from './turns';

/**
 * The hand-over from live events to the indexed history. A turn is shown live until the
 * history holds it; meanwhile the history's messages from the turn's start on are held back, so
 * that nothing is shown twice and nothing disappears between the two.
 */

const time = (iso: string | null | undefined): number | null => {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
};

/** When the earliest live turn began; history from then on belongs to the live turns. */
export function liveStart(turns: readonly LiveTurn[]): number | null {
  let start: number | null = null;
  for (const t of turns) {
    const s = time(t.startedAt);
    if (s !== null && (start === null || s < start)) start = s;
  }
  return start;
}

export function visibleHistory(messages: Message[], turns: readonly LiveTurn[]): Message[] {
  const start = liveStart(turns);
  if (start === null) return messages;
  const kept = messages.filter((m) => {
    const t = time(m.timestamp);
    return t === null || t < start;
  });
  return kept.length === messages.length ? messages : kept;
}

function after(messages: Message[], turn: LiveTurn): Message[] {
  const start = time(turn.startedAt);
  if (start === null) return [];
  return messages.filter((m) => {
    const t = time(m.timestamp);
    return t !== null && t >= start;
  });
}

/** A run started elsewhere (or before a reload) has no prompt in its events: the history has it. */
export function historyPrompt(messages: Message[], turn: LiveTurn): string | null {
  if (turn.prompt !== null) return null;
  for (const m of after(messages, turn)) {
    if (m.role !== 'user' || m.hidden) continue;
    const text = m.blocks.find((b) => b.type === 'text');
    if (text && text.type === 'text') return text.text;
  }
  return null;
}

/** The last thing the turn said or did: when the history has it, the history has the whole turn. */
function anchor(turn: LiveTurn): { tool: string } | { text: string } | null {
  for (let i = turn.items.length - 1; i >= 0; i--) {
    const it = turn.items[i];
    if (it.type === 'tool' && !it.parent) return { tool: it.id };
    if (it.type === 'text' && !it.parent && it.text.trim()) return { text: it.text.trim() };
  }
  return null;
}

/**
 * Turns the history now holds completely. A completed turn with something to recognise goes
 * once its last text or tool use is in the history; an interrupted, failed or lost turn stays
 * live (its end and errors are not in the transcript) until a later turn goes.
 */
export function retirable(messages: Message[], turns: readonly LiveTurn[]): LiveTurn[] {
  const held = (turn: LiveTurn) => {
    if (turn.ended !== 'completed') return false;
    const a = anchor(turn);
    if (!a) return false;
    return after(messages, turn).some((m) => m.blocks.some((b) =>
      'tool' in a ? b.type === 'toolUse' && b.id === a.tool : b.type === 'text' && b.text.trim() === a.text));
  };
  let last = -1;
  turns.forEach((t, i) => {
    if (held(t)) last = i;
  });
  // A history that holds a later turn holds the earlier ones too (an interrupted one among them):
  // they go together, or the earlier one would keep hiding the later one's history.
  return turns.slice(0, last + 1).filter((t) => t.ended !== null);
}
