import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ev, pushEvents, renderLive, sentFrames } from '../../test/chat';
import { jsonResponse, routeFetch } from '../../test/fetch';
import { installFakeWebSocket, type FakeWebSocket } from '../../test/ws';
import { ChatPane } from './ChatPane';
import { NewSessionView } from './NewSessionView';

let fetchMock: ReturnType<typeof routeFetch>;
beforeEach(() => {
  window.sessionStorage.clear();
  installFakeWebSocket();
  window.location.hash = '';
  fetchMock = routeFetch((url) => {
    if (url.startsWith('/api/projects/p1/files')) {
      return jsonResponse(200, { path: '', truncated: false, entries: [
        { name: 'src', path: 'src', type: 'directory', size: 0 },
        { name: 'README.md', path: 'README.md', type: 'file', size: 10 },
        { name: 'package.json', path: 'package.json', type: 'file', size: 10 },
      ] });
    }
    if (url.startsWith('/api/runs/')) return jsonResponse(200, { id: 'run-1', sessionId: 's1', projectId: 'p1', state: 'running', startedAt: '2026-11-27T20:00:00Z' });
    return jsonResponse(200, { items: [] });
  });
});
afterEach(() => vi.unstubAllGlobals());

function Pane() {
  return (
    <ChatPane chatKey="s1" projectId="p1" sessionId="s1" messages={[]} showHidden={false}
      loading={false} models={['claude-opus-5-5']} emptyText="Nothing yet" />
  );
}

const sends = (ws: FakeWebSocket) => sentFrames(ws).filter((f) => f.type === 'send');

describe('Composer', () => {
  it('keeps what was typed across a reload of the tab, and forgets it once sent', async () => {
    const first = await renderLive(<Pane />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Message Claude'), 'half a thought');
    first.unmount();

    const { ws } = await renderLive(<Pane />);
    const box = screen.getByLabelText<HTMLTextAreaElement>('Message Claude');
    expect(box.value).toBe('half a thought');
    act(() => ws.push({ type: 'subscribed', sessionId: 's1', lastSeq: 0 }));
    await user.type(box, '{Enter}');
    await vi.waitFor(() => expect(sends(ws)).toHaveLength(1));
    const sent = sends(ws)[0] as { clientMessageId: string };
    act(() => ws.push({ type: 'accepted', clientMessageId: sent.clientMessageId, runId: 'run-1', sessionId: 's1' }));
    await vi.waitFor(() => expect(box.value).toBe(''));
    expect(window.sessionStorage.getItem('ccui.draft.s.s1')).toBeNull();
  });

  it('sends with Enter over the socket, shows the prompt at once, and clears the box when accepted', async () => {
    const { ws } = await renderLive(<Pane />);
    const user = userEvent.setup();
    const box = screen.getByRole('textbox', { name: 'Message Claude' });
    await user.type(box, 'First line{Shift>}{Enter}{/Shift}second line');
    expect((box as HTMLTextAreaElement).value).toBe('First line\nsecond line');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Model' }), 'opus');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Permission mode' }), 'acceptEdits');
    expect(within(screen.getByRole('combobox', { name: 'Model' })).getByRole('option', { name: 'claude-opus-5-5' })).toBeTruthy();
    await user.click(box);
    await user.keyboard('{Enter}');

    const [send] = sends(ws);
    expect(send).toEqual(expect.objectContaining({
      type: 'send', projectId: 'p1', sessionId: 's1', prompt: 'First line\nsecond line', model: 'opus', permissionMode: 'acceptEdits',
    }));
    expect(typeof send.clientMessageId).toBe('string');
    expect(await screen.findByText(/First line/, { selector: '.live-turn .plain' })).toBeTruthy();

    act(() => ws.push({ type: 'accepted', clientMessageId: send.clientMessageId, runId: 'run-1', sessionId: 's1' }));
    await vi.waitFor(() => expect((box as HTMLTextAreaElement).value).toBe(''));
    expect(screen.getByRole('button', { name: 'Interrupt' })).toBeTruthy();
    // While Claude works, a next message is queued behind the turn (nothing typed yet: nothing to queue).
    expect((screen.getByRole('button', { name: 'Queue' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('keeps the text and shows the error when the server refuses the prompt', async () => {
    const { ws } = await renderLive(<Pane />);
    const user = userEvent.setup();
    const box = screen.getByRole('textbox', { name: 'Message Claude' });
    await user.type(box, 'Please do it');
    await user.keyboard('{Control>}{Enter}{/Control}');
    const [send] = sends(ws);
    act(() => ws.push({ type: 'error', code: 'RATE_LIMITED', message: 'at most 2 runs per user', clientMessageId: send.clientMessageId }));
    expect((await screen.findByRole('alert')).textContent).toContain('Too many runs at once');
    expect((box as HTMLTextAreaElement).value).toBe('Please do it');
    expect(screen.queryByText('Please do it', { selector: '.live-turn .plain' })).toBeNull();
  });

  it('falls back to POST /api/runs without a socket', async () => {
    fetchMock.mockImplementation(async (input) => String(input) === '/api/runs'
      ? jsonResponse(429, { error: { code: 'RATE_LIMITED', message: 'too many runs' } }, { 'Retry-After': '30' })
      : jsonResponse(200, { items: [] }));
    const { ws } = await renderLive(<Pane />);
    act(() => ws.close());
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Message Claude' }), 'Hello');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect((await screen.findByRole('alert')).textContent).toContain('try again in 30 s');
    const post = fetchMock.mock.calls.find((c) => c[0] === '/api/runs')!;
    expect(JSON.parse(String(post[1]?.body))).toEqual(expect.objectContaining({ projectId: 'p1', sessionId: 's1', prompt: 'Hello' }));
  });

  it('interrupts with the button and with Escape in the composer', async () => {
    const { ws } = await renderLive(<Pane />);
    act(() => ws.push({ type: 'subscribed', sessionId: 's1', lastSeq: 0 }));
    await vi.waitFor(() => expect(sentFrames(ws)).toContainEqual({ type: 'subscribe', sessionId: 's1', afterSeq: 0 }));
    await pushEvents(ws, [ev(1, { kind: 'run_started' }, 'run-7')]);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Interrupt' }));
    await user.click(screen.getByRole('textbox', { name: 'Message Claude' }));
    await user.keyboard('{Escape}');
    expect(sentFrames(ws).filter((f) => f.type === 'interrupt')).toEqual([
      { type: 'interrupt', runId: 'run-7' }, { type: 'interrupt', runId: 'run-7' },
    ]);
    await pushEvents(ws, [ev(2, { kind: 'run_ended', reason: 'interrupted' }, 'run-7')]);
    expect(screen.getByText('Interrupted')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Interrupt' })).toBeNull();
  });

  it('completes slash commands from the keyboard', async () => {
    await renderLive(<Pane />);
    const user = userEvent.setup();
    const box = screen.getByRole('textbox', { name: 'Message Claude' }) as HTMLTextAreaElement;
    await user.type(box, '/co');
    const list = screen.getByRole('listbox', { name: 'Slash commands' });
    expect(within(list).getAllByRole('option').map((o) => o.textContent)).toEqual([
      '/compact Summarise the conversation to free context', '/context Show what fills the context window', '/code-review Review the current changes',
    ]);
    await user.keyboard('{ArrowDown}');
    expect(within(list).getByRole('option', { selected: true }).textContent).toContain('/context');
    expect(box.getAttribute('aria-activedescendant')).toBe(within(list).getByRole('option', { selected: true }).id);
    await user.keyboard('{Enter}');
    expect(box.value).toBe('/context ');
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it("also offers the commands the CLI announced for this session, not its interactive ones", async () => {
    const { ws } = await renderLive(<Pane />);
    act(() => ws.push({ type: 'subscribed', sessionId: 's1', lastSeq: 0 }));
    await pushEvents(ws, [ev(1, { kind: 'run_started', model: 'claude-opus-5-5', slashCommands: ['compact', 'deploy-docs', 'config', '__internal'] })]);
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Message Claude' }), '/');
    const names = within(screen.getByRole('listbox', { name: 'Slash commands' })).getAllByRole('option').map((o) => o.textContent ?? '');
    expect(names.filter((n) => n.startsWith('/deploy-docs'))).toHaveLength(1);
    expect(names.filter((n) => n.startsWith('/compact'))).toHaveLength(1);
    expect(names.some((n) => n.startsWith('/config') || n.startsWith('/__internal'))).toBe(false);
  });

  it('offers project files after @ and inserts the picked path', async () => {
    await renderLive(<Pane />);
    const user = userEvent.setup();
    const box = screen.getByRole('textbox', { name: 'Message Claude' }) as HTMLTextAreaElement;
    await user.type(box, 'Look at @REA');
    const list = await screen.findByRole('listbox', { name: 'Files' });
    expect(within(list).getAllByRole('option').map((o) => o.textContent)).toEqual(['README.md']);
    expect(fetchMock.mock.calls.some((c) => String(c[0]) === '/api/projects/p1/files?gitignore=true')).toBe(true);
    await user.click(within(list).getByRole('option', { name: 'README.md' }));
    expect(box.value).toBe('Look at @README.md ');
  });

  it('attaches pasted images as removable thumbnails and sends them as images', async () => {
    const { ws } = await renderLive(<Pane />);
    const user = userEvent.setup();
    const box = screen.getByRole('textbox', { name: 'Message Claude' });
    await user.click(box);
    const png = new File([new Uint8Array([137, 80, 78, 71])], 'shot.png', { type: 'image/png' });
    await user.paste({ files: [png], getData: () => '', types: ['Files'], items: [] } as unknown as DataTransfer);
    const thumbs = await screen.findByRole('list', { name: 'Images to send' });
    expect(within(thumbs).getByRole('img', { name: 'shot.png' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(sends(ws)[0].images).toEqual([{ mediaType: 'image/png', data: 'iVBORw==' }]);
    expect(screen.getByRole('button', { name: 'Remove shot.png' })).toBeTruthy();
  });

  it('attaches PDFs and text files as chips with name and size, refuses what the server would, and sends them as attachments', async () => {
    const { ws } = await renderLive(<Pane />);
    const user = userEvent.setup();
    const bytes = (text: string) => new TextEncoder().encode(text);
    const pdf = new File([bytes('%PDF-1.4\n%%EOF\n')], 'report.pdf', { type: 'application/pdf' });
    // Browsers declare TypeScript as an MPEG stream: the name says what it is.
    const code = new File([bytes('export const x = 1;\n')], 'main.ts', { type: 'video/mp2t' });
    const notes = new File([bytes('# Notes\n')], 'notes.md', { type: '' });
    const fakePdf = new File([bytes('PK\u0003\u0004')], 'fake.pdf', { type: 'application/pdf' });
    const binary = new File([new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0])], 'tool.txt', { type: 'text/plain' });
    const huge = new File([new Uint8Array(1024 * 1024 + 1).fill(120)], 'huge.log', { type: 'text/plain' });

    await user.upload(screen.getByLabelText('Files to attach'), [pdf, code, notes, fakePdf, binary, huge]);

    const chips = await screen.findByRole('list', { name: 'Files to send' });
    expect(within(chips).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'report.pdf15 bytes×', 'main.ts20 bytes×', 'notes.md8 bytes×',
    ]);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('fake.pdf: not a PDF');
    expect(alert.textContent).toContain('tool.txt: binary, not text');
    expect(alert.textContent).toContain('huge.log: larger than 1.0 MB, the limit for a text file');

    await user.click(screen.getByRole('button', { name: 'Remove notes.md' }));
    expect(within(chips).queryByText('notes.md')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Send' }));

    await vi.waitFor(() => expect(sends(ws)).toHaveLength(1));
    expect(sends(ws)[0].attachments).toEqual([
      { name: 'report.pdf', mediaType: 'application/pdf', data: btoa('%PDF-1.4\n%%EOF\n') },
      { name: 'main.ts', mediaType: 'video/mp2t', data: btoa('export const x = 1;\n') },
    ]);
    expect(sends(ws)[0].images).toBeUndefined();
    // The turn shows what was sent with it at once.
    const sent = await screen.findByRole('list', { name: 'Attached files' });
    expect(within(sent).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['report.pdf', 'main.ts']);
  });

  it('sends a file without text, and keeps to ten files per message', async () => {
    const { ws } = await renderLive(<Pane />);
    const user = userEvent.setup();
    const files = Array.from({ length: 11 }, (_, i) => new File([`row ${i}\n`], `f${i}.csv`, { type: 'text/csv' }));
    await user.upload(screen.getByLabelText('Files to attach'), files);
    const chips = await screen.findByRole('list', { name: 'Files to send' });
    expect(within(chips).getAllByRole('listitem')).toHaveLength(10);
    expect(screen.getByRole('alert').textContent).toContain('At most 10 files per message.');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await vi.waitFor(() => expect(sends(ws)).toHaveLength(1));
    expect((sends(ws)[0].attachments as unknown[]).length).toBe(10);
  });

  it('starts a new session and moves to its page without losing the live turn', async () => {
    const { ws } = await renderLive(<NewSessionView projectId="p1" />);
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Message Claude' }), 'Start something{Enter}');
    const [send] = sends(ws);
    expect(send.sessionId).toBeNull();
    act(() => ws.push({ type: 'accepted', clientMessageId: send.clientMessageId, runId: 'run-1', sessionId: 'new-sid' }));
    await vi.waitFor(() => expect(window.location.hash).toBe('#/p/p1/s/new-sid'));
    expect(sentFrames(ws)).toContainEqual({ type: 'subscribe', sessionId: 'new-sid', afterSeq: 0 });
  });
});
