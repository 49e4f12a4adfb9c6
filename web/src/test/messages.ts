import type { Message, MessageBlock } from '../api/types';

let seq = 0;

/** A normalized message as GET /api/sessions/{id}/messages returns it. */
export function msg(role: Message['role'], blocks: MessageBlock[], extra: Partial<Message> = {}): Message {
  seq += 1;
  return {
    seq,
    uuid: `u${seq}`,
    parentUuid: null,
    role,
    timestamp: '2026-11-27T18:40:08.017Z',
    model: role === 'assistant' ? 'claude-opus-5-5' : null,
    hidden: false,
    sidechain: false,
    parentToolUseId: null,
    blocks,
    ...extra,
  };
}

export const text = (t: string): MessageBlock => ({ type: 'text', text: t });
export const toolUse = (id: string, name: string, input: Record<string, unknown>): MessageBlock => ({ type: 'toolUse', id, name, input });
export const result = (toolUseId: string, content: string, extra: Partial<{ isError: boolean; truncated: boolean; fullLength: number }> = {}): MessageBlock => ({
  type: 'toolResult', toolUseId, content, isError: false, truncated: false, fullLength: content.length, ...extra,
});

/**
 * What the fixture transcript ac12bf22-… (claude-cli-2.1.328) becomes: a prompt, a Bash call
 * and its result, then a Write that the user denied.
 */
export function bashAndDeniedWrite(): Message[] {
  return [
    msg('user', [text('USE_BASH allow this one')]),
    msg('assistant', [text("I'll run a command.")]),
    msg('assistant', [toolUse('toolu_fake_8ac30bf7efd84fe7', 'Bash', { command: 'echo hello > out.txt', description: 'Write hello to out.txt' })]),
    msg('user', [result('toolu_fake_8ac30bf7efd84fe7', '(Bash completed with no output)')]),
    msg('assistant', [text('Done.')]),
    msg('user', [text('USE_WRITE please')]),
    msg('assistant', [toolUse('toolu_fake_6c69e4e35add488f', 'Write', { file_path: '/home/dev/proj/written.txt', content: 'written by fake model\n' })]),
    msg('user', [result('toolu_fake_6c69e4e35add488f', 'Denied by the web UI user', { isError: true })]),
  ];
}
