import { describe, expect, it } from 'vitest';
import { ev } from '../../test/chat';
import { msg, text, toolUse } from '../../test/messages';
import { historyPrompt, retirable, visibleHistory } from './handover';
import { applyEvent, EMPTY_SESSION, type SessionLive } from './turns';

const START = '2026-11-27T20:00:00Z';

function liveTurn(ended: boolean): SessionLive {
  let s = [
    ev(1, { kind: 'run_started' }, 'r1', 's1', START),
    ev(2, { kind: 'tool_use', messageId: 'm1', toolUseId: 'tu1', name: 'Bash', input: { command: 'ls' } }, 'r1', 's1', START),
    ev(3, { kind: 'assistant_text', messageId: 'm2', text: 'All done.' }, 'r1', 's1', START),
  ].reduce(applyEvent, EMPTY_SESSION);
  if (ended) s = applyEvent(s, ev(4, { kind: 'run_ended', reason: 'completed' }, 'r1', 's1', START));
  return s;
}

const older = msg('user', [text('Earlier question')], { timestamp: '2026-11-27T19:00:00Z' });
const prompt = msg('user', [text('List the files')], { timestamp: '2026-11-27T20:00:00.5Z' });
const toolMsg = msg('assistant', [toolUse('tu1', 'Bash', { command: 'ls' })], { timestamp: '2026-11-27T20:00:01Z' });
const answer = msg('assistant', [text('All done.')], { timestamp: '2026-11-27T20:00:02Z' });

describe('hand-over from the live turn to the history', () => {
  it('holds back history from the turn on, so the turn is never shown twice', () => {
    const s = liveTurn(false);
    expect(visibleHistory([older, prompt, toolMsg], s.turns)).toEqual([older]);
    expect(historyPrompt([older, prompt, toolMsg], s.turns[0])).toBe('List the files');
  });

  it('keeps the turn until the history has its end, then lets the history show it', () => {
    const running = liveTurn(false);
    expect(retirable([older, prompt, toolMsg, answer], running.turns)).toEqual([]);
    const ended = liveTurn(true);
    // the index has only part of the turn yet: keep it live (it must not vanish)
    expect(retirable([older, prompt, toolMsg], ended.turns)).toEqual([]);
    expect(retirable([older, prompt, toolMsg, answer], ended.turns).map((t) => t.key)).toEqual(['r1']);
  });

  it('hands over an interrupted turn together with a later completed one', () => {
    const interrupted = [
      ev(1, { kind: 'run_started' }, 'r0', 's1', '2026-11-27T19:59:00Z'),
      ev(2, { kind: 'assistant_text', messageId: 'm0', text: 'Partial' }, 'r0', 's1', '2026-11-27T19:59:00Z'),
      ev(3, { kind: 'run_ended', reason: 'interrupted' }, 'r0', 's1', '2026-11-27T19:59:05Z'),
    ].reduce(applyEvent, EMPTY_SESSION);
    const partial = msg('assistant', [text('Partial')], { timestamp: '2026-11-27T19:59:01Z' });
    expect(retirable([older, partial], interrupted.turns)).toEqual([]);
    const both = [ev(4, { kind: 'run_started' }, 'r1', 's1', START), ev(5, { kind: 'assistant_text', messageId: 'm2', text: 'All done.' }, 'r1', 's1', START),
      ev(6, { kind: 'run_ended', reason: 'completed' }, 'r1', 's1', START)].reduce(applyEvent, interrupted);
    // while both are live, the history from the first one's start on is held back
    expect(visibleHistory([older, partial, prompt, answer], both.turns)).toEqual([older]);
    expect(retirable([older, partial, prompt, answer], both.turns).map((t) => t.key)).toEqual(['r0', 'r1']);
  });
});
