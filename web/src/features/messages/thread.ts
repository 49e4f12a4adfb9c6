import type { Message, ToolResultBlock } from '../../api/types';

export interface ResultRef {
  block: ToolResultBlock;
  /** seq of the message holding the result (the tool-results endpoint needs it). */
  seq: number;
}

export interface Thread {
  /** Top-level messages to show, oldest first, with the tool results shown in their cards removed. */
  rows: Message[];
  /** Tool results by the id of their tool use. */
  results: Map<string, ResultRef>;
  /** Subagent (sidechain) messages by the id of the Task tool use that started them. */
  children: Map<string, Message[]>;
}

/**
 * Arranges a session's messages for display: tool results go into the card of their tool
 * use, a subagent's messages go under the Task that started it (by parentToolUseId, else the
 * latest Task before them), hidden messages are left out unless asked for, and messages
 * left without anything to show are dropped.
 */
export function buildThread(messages: readonly Message[], showHidden: boolean): Thread {
  const uses = new Map<string, string>();
  const results = new Map<string, ResultRef>();
  for (const m of messages) {
    for (const b of m.blocks) {
      if (b.type === 'toolUse') uses.set(b.id, b.name);
      else if (b.type === 'toolResult') results.set(b.toolUseId, { block: b, seq: m.seq });
    }
  }

  const rows: Message[] = [];
  const children = new Map<string, Message[]>();
  let lastTask: string | null = null;

  for (const m of messages) {
    if (m.hidden && !showHidden) continue;
    const blocks = m.blocks.filter((b) => !(b.type === 'toolResult' && uses.has(b.toolUseId)));
    const parent = m.parentToolUseId && uses.has(m.parentToolUseId) ? m.parentToolUseId : m.sidechain ? lastTask : null;
    if (parent) {
      if (blocks.length === 0) continue;
      const list = children.get(parent) ?? [];
      list.push(blocks.length === m.blocks.length ? m : { ...m, blocks });
      children.set(parent, list);
      continue;
    }
    for (const b of m.blocks) {
      if (b.type === 'toolUse' && (b.name === 'Task' || b.name === 'Agent')) lastTask = b.id;
    }
    if (blocks.length === 0) continue;
    rows.push(blocks.length === m.blocks.length ? m : { ...m, blocks });
  }
  return { rows, results, children };
}
