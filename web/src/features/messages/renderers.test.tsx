import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Message } from '../../api/types';
import { bashAndDeniedWrite, msg, result, text, toolUse } from '../../test/messages';
import { jsonResponse, mockFetch } from '../../test/fetch';
import { MessageView } from './Blocks';
import { ThreadContext } from './context';
import { buildThread } from './thread';

afterEach(() => vi.unstubAllGlobals());

function renderThread(messages: Message[], showHidden = false) {
  const t = buildThread(messages, showHidden);
  return render(
    <ThreadContext.Provider value={{ sessionId: 'sess-1', results: t.results, children: t.children }}>
      {t.rows.map((m) => <MessageView key={m.seq} message={m} />)}
    </ThreadContext.Provider>,
  );
}

const card = (name: string) => screen.getByRole('region', { name: `Tool call ${name}` });

describe('text and markdown', () => {
  it('renders markdown and highlights a fenced code block', async () => {
    const { container } = renderThread([
      msg('assistant', [text('Here is **bold** and code:\n\n```ts\nconst answer: number = 42;\n```\n')]),
    ]);
    expect(screen.getByText('bold').tagName).toBe('STRONG');
    const code = container.querySelector('pre code')!;
    expect(code.textContent).toBe('const answer: number = 42;\n');
    await waitFor(() => expect(code.classList.contains('hljs')).toBe(true));
    expect(code.querySelector('.hljs-keyword')?.textContent).toBe('const');
  });

  it('shows raw HTML as text and never inserts a script element', () => {
    const spy = vi.fn();
    (window as unknown as { __pwned: () => void }).__pwned = spy;
    const { container } = renderThread([
      msg('assistant', [text('Before <script>window.__pwned()</script> after <img src=x onerror="window.__pwned()">\n\n[click](javascript:window.__pwned())')]),
    ]);
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<script>window.__pwned()</script>');
    expect(screen.getByText('click').closest('a')).toBeNull();
    expect(spy).not.toHaveBeenCalled();
  });

  it("shows the user's prompt as plain text", () => {
    renderThread([msg('user', [text('say **hi**')])]);
    expect(screen.getByText('say **hi**')).toBeTruthy();
  });
});

describe('thinking', () => {
  it('is collapsed by default and opens on click', async () => {
    renderThread([msg('assistant', [{ type: 'thinking', text: 'Let me think about the files.' }, text('Answer')])]);
    const details = screen.getByText('Thinking').closest('details')!;
    expect(details.open).toBe(false);
    await userEvent.setup().click(screen.getByText('Thinking'));
    expect(details.open).toBe(true);
    expect(within(details).getByText('Let me think about the files.')).toBeTruthy();
  });
});

describe('tool cards', () => {
  it('shows Bash with its command and output, and the denied Write with error styling', () => {
    renderThread(bashAndDeniedWrite());
    const bash = card('Bash');
    expect(within(bash).getByText('echo hello > out.txt')).toBeTruthy();
    expect(within(bash).getByText('Write hello to out.txt')).toBeTruthy();
    expect(within(bash).getByText('(Bash completed with no output)')).toBeTruthy();
    // the tool result message is shown in the card, not on its own
    expect(screen.getAllByText('(Bash completed with no output)')).toHaveLength(1);

    const write = card('Write');
    const denial = within(write).getByText('Denied by the web UI user');
    expect(denial.closest('.tool-result')?.classList.contains('is-error')).toBe(true);
    expect(within(write).getAllByText('Error').length).toBeGreaterThan(0);
    expect(write.classList.contains('state-error')).toBe(true);
  });

  it('shows an Edit as a diff with removed and added lines', () => {
    renderThread([
      msg('assistant', [toolUse('t1', 'Edit', { file_path: '/p/app.ts', old_string: 'const a = 1;\nkeep();', new_string: 'const a = 2;\nkeep();', replace_all: false })]),
      msg('user', [result('t1', 'The file /p/app.ts has been updated.')]),
    ]);
    const edit = card('Edit');
    expect(within(edit).getByText('/p/app.ts')).toBeTruthy();
    expect(within(edit).getByText('const a = 1;').closest('.diff-line')?.classList.contains('del')).toBe(true);
    expect(within(edit).getByText('const a = 2;').closest('.diff-line')?.classList.contains('add')).toBe(true);
    expect(within(edit).getByText('keep();').closest('.diff-line')?.classList.contains('ctx')).toBe(true);
    expect(within(edit).getByText('removed:', { exact: false })).toBeTruthy();
  });

  it('shows each edit of a MultiEdit', () => {
    renderThread([
      msg('assistant', [toolUse('t2', 'MultiEdit', {
        file_path: '/p/b.py',
        edits: [{ old_string: 'x = 1', new_string: 'x = 10' }, { old_string: 'print(x)', new_string: 'print(x * 2)' }],
      })]),
    ]);
    const multi = card('MultiEdit');
    expect(within(multi).getByText('2 edits', { exact: false })).toBeTruthy();
    expect(within(multi).getAllByRole('group', { name: 'Changes' })).toHaveLength(2);
    expect(within(multi).getByText('x = 1').closest('.diff-line')?.classList.contains('del')).toBe(true);
    expect(within(multi).getByText('print(x * 2)').closest('.diff-line')?.classList.contains('add')).toBe(true);
  });

  it('shows a Write as added lines', () => {
    renderThread([msg('assistant', [toolUse('t3', 'Write', { file_path: '/p/new.txt', content: 'line one\nline two\n' })])]);
    const write = card('Write');
    expect(within(write).getByText('/p/new.txt')).toBeTruthy();
    for (const line of ['line one', 'line two']) {
      expect(within(write).getByText(line).closest('.diff-line')?.classList.contains('add')).toBe(true);
    }
    expect(within(write).getByText('no result')).toBeTruthy();
  });

  it('shows a Read with the path, range and file content', () => {
    renderThread([
      msg('assistant', [toolUse('t4', 'Read', { file_path: '/p/README.md', offset: 10, limit: 5 })]),
      msg('user', [result('t4', '    10→# Title\n    11→Body')]),
    ]);
    const read = card('Read');
    expect(within(read).getByText('/p/README.md')).toBeTruthy();
    expect(within(read).getByText('· lines 10–14', { exact: false })).toBeTruthy();
    expect(within(read).getByText('File content')).toBeTruthy();
    expect(within(read).getByText(/10→# Title/)).toBeTruthy();
  });

  it('shows TodoWrite as a checklist with each state', () => {
    renderThread([msg('assistant', [toolUse('t5', 'TodoWrite', { todos: [
      { content: 'Write tests', status: 'completed', activeForm: 'Writing tests' },
      { content: 'Fix the bug', status: 'in_progress', activeForm: 'Fixing the bug' },
      { content: 'Release', status: 'pending', activeForm: 'Releasing' },
    ] })])]);
    const todo = card('TodoWrite');
    expect(within(todo).getByText('1 of 3 done')).toBeTruthy();
    expect(within(todo).getByRole('checkbox', { name: 'Write tests' }).getAttribute('aria-checked')).toBe('true');
    expect(within(todo).getByRole('checkbox', { name: 'Fix the bug' }).getAttribute('aria-checked')).toBe('mixed');
    expect(within(todo).getByRole('checkbox', { name: 'Release' }).getAttribute('aria-checked')).toBe('false');
    expect(within(todo).getByText('Fixing the bug')).toBeTruthy();
    expect(within(todo).getByText('in progress')).toBeTruthy();
  });

  it('fetches the full output of a truncated tool result', async () => {
    const fetchMock = mockFetch(jsonResponse(200, { toolUseId: 't6', content: 'line 1\nline 2\nline 3 (the end)' }));
    const messages = [
      msg('assistant', [toolUse('t6', 'Bash', { command: 'seq 3' })]),
      msg('user', [result('t6', 'line 1\nli', { truncated: true, fullLength: 31 })]),
    ];
    renderThread(messages);
    const bash = card('Bash');
    expect(within(bash).getByText('Showing 9 of 31 characters.')).toBeTruthy();
    await userEvent.setup().click(within(bash).getByRole('button', { name: 'Show full output' }));
    expect(await within(bash).findByText(/line 3 \(the end\)/)).toBeTruthy();
    expect(fetchMock.mock.calls[0][0]).toBe(`/api/sessions/sess-1/tool-results/t6?seq=${messages[1].seq}`);
    expect(within(bash).queryByRole('button', { name: 'Show full output' })).toBeNull();
  });

  it('groups the sidechain messages of a Task under it, collapsed', async () => {
    renderThread([
      msg('assistant', [toolUse('task1', 'Task', { description: 'Find the config', prompt: 'Look for config files', subagent_type: 'general-purpose' })]),
      msg('user', [text('Look for config files')], { sidechain: true, parentToolUseId: 'task1' }),
      msg('assistant', [text('Found `app.yml`.')], { sidechain: true, parentToolUseId: 'task1' }),
      msg('user', [result('task1', 'The config is in app.yml')]),
      msg('assistant', [text('The config lives in app.yml.')]),
    ]);
    const task = card('Task');
    expect(within(task).getByText('Task · general-purpose')).toBeTruthy();
    expect(within(task).getByText('Find the config')).toBeTruthy();
    const group = within(task).getByText('Subagent conversation (2 messages)').closest('details')!;
    expect(group.open).toBe(false);
    expect(within(group).getByText('app.yml')).toBeTruthy();
    expect(within(task).getByText('The config is in app.yml')).toBeTruthy();
    // the subagent's messages are not top-level messages
    expect(screen.getAllByRole('article').filter((a) => !task.contains(a))).toHaveLength(2);
  });
});

describe('other blocks', () => {
  it('shows an image from the images endpoint, loaded lazily', () => {
    renderThread([msg('user', [{ type: 'image', imageId: '3-0', mediaType: 'image/png', sizeBytes: 120 }, text('what is this?')])]);
    const img = screen.getByRole('img', { name: 'Attached image (image/png)' }) as HTMLImageElement;
    expect(img.getAttribute('src')).toBe('/api/sessions/sess-1/images/3-0');
    expect(img.getAttribute('loading')).toBe('lazy');
  });

  it('shows a slash command as a chip', () => {
    renderThread([msg('user', [{ type: 'slashCommand', name: '/review', args: 'src/app.ts' }])]);
    expect(screen.getByText('/review').closest('.chip')).toBeTruthy();
    expect(screen.getByText('src/app.ts')).toBeTruthy();
  });

  it('hides hidden messages unless system messages are shown', () => {
    const messages = [msg('user', [text('<system-reminder>be brief</system-reminder>')], { hidden: true }), msg('user', [text('hello')])];
    renderThread(messages);
    expect(screen.queryByText(/be brief/)).toBeNull();
    expect(screen.getByText('hello')).toBeTruthy();
    renderThread(messages, true);
    expect(screen.getByText(/be brief/)).toBeTruthy();
  });
});
