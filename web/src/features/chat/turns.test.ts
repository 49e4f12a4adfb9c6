import { describe, expect, it } from 'vitest';
import { ev } from '../../test/chat';
import { acceptTurn, activeTurn, applyEvent, EMPTY_SESSION, pendingPermissions, pendingTurn, type SessionLive } from './turns';

const apply = (state: SessionLive, ...events: ReturnType<typeof ev>[]) => events.reduce(applyEvent, state);

describe('live turn assembly', () => {
  it('grows streamed text, replaces it with the finished block, and ignores a duplicate frame', () => {
    const events = [
      ev(1, { kind: 'run_started', model: 'claude-sonnet-5' }),
      ev(2, { kind: 'assistant_delta', messageId: 'm1', blockIndex: 0, blockType: 'text', text: 'Hel' }),
      ev(3, { kind: 'assistant_delta', messageId: 'm1', blockIndex: 0, blockType: 'text', text: 'lo' }),
    ];
    let s = apply(EMPTY_SESSION, ...events);
    expect(s.turns).toHaveLength(1);
    expect(s.turns[0].model).toBe('claude-sonnet-5');
    expect(s.turns[0].items).toEqual([expect.objectContaining({ type: 'text', text: 'Hello', streaming: true })]);

    const again = applyEvent(s, events[2]);
    expect(again).toBe(s);

    s = apply(s,
      ev(4, { kind: 'assistant_text', messageId: 'm1', text: 'Hello!' }),
      ev(5, { kind: 'tool_use', messageId: 'm2', toolUseId: 't1', name: 'Bash', input: { command: 'ls' } }),
      ev(6, { kind: 'tool_result', toolUseId: 't1', content: 'a.txt', isError: false }),
      ev(7, { kind: 'result', subtype: 'success', isError: false, inputTokens: 1200, outputTokens: 30, costUsd: 0.02 }),
      ev(8, { kind: 'run_ended', reason: 'completed' }, 'run-1', 's1', '2026-11-27T20:00:09Z'),
    );
    const turn = s.turns[0];
    expect(turn.items.map((i) => i.type)).toEqual(['text', 'tool']);
    expect(turn.items[0]).toEqual(expect.objectContaining({ text: 'Hello!', streaming: false }));
    expect(turn.outputs.t1).toEqual({ content: 'a.txt', isError: false, seq: 6 });
    expect(turn.result?.outputTokens).toBe(30);
    expect(turn.ended).toBe('completed');
    expect(activeTurn(s)).toBeNull();
    expect(s.lastSeq).toBe(8);
  });

  it('tracks a permission request until it is resolved', () => {
    let s = apply(EMPTY_SESSION,
      ev(1, { kind: 'run_started' }),
      ev(2, { kind: 'permission_request', requestId: 'r1', toolName: 'Write', input: { file_path: '/p/x.txt', content: 'hi' } }),
    );
    expect(pendingPermissions(s)).toHaveLength(1);
    expect(s.turns[0].status).toBe('awaiting_permission');
    s = applyEvent(s, ev(3, { kind: 'permission_resolved', requestId: 'r1', decision: 'deny', decidedBy: 'alice' }));
    expect(pendingPermissions(s)).toHaveLength(0);
    expect(s.turns[0].status).toBe('running');
  });

  it('gives the events of a prompt sent from here to its pending turn, whatever arrives first', () => {
    let s: SessionLive = { lastSeq: 4, turns: [pendingTurn('c1', 'Hi there', [])] };
    s = applyEvent(s, ev(5, { kind: 'run_started' }, 'run-9'));
    s = acceptTurn(s, 'c1', 'run-9');
    expect(s.turns).toHaveLength(1);
    expect(s.turns[0]).toEqual(expect.objectContaining({ runId: 'run-9', prompt: 'Hi there', status: 'running' }));

    let t: SessionLive = { lastSeq: 0, turns: [pendingTurn('c2', 'Again', [])] };
    t = acceptTurn(t, 'c2', 'run-10');
    t = applyEvent(t, ev(1, { kind: 'assistant_text', messageId: 'm', text: 'Sure' }, 'run-10'));
    expect(t.turns).toHaveLength(1);
    expect(t.turns[0].items[0]).toEqual(expect.objectContaining({ text: 'Sure' }));
  });
});
