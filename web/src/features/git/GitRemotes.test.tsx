import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { jsonResponse, routeFetch } from '../../test/fetch';
import type { GitStatus } from '../../api/workspace';
import { GitTab } from './GitTab';

afterEach(() => vi.unstubAllGlobals());

const clean = (over: Partial<GitStatus>): GitStatus => ({
  branch: 'main', head: 'abc1234def', upstream: 'origin/main', ahead: 0, behind: 0, files: [], ...over,
});
const bodyOf = (calls: unknown[][], suffix: string) => {
  const call = calls.find((c) => String(c[0]).endsWith(suffix));
  return call ? JSON.parse(String((call[1] as RequestInit).body)) : undefined;
};

describe('GitTab remotes', () => {
  it('fetches, shows ahead and behind, pulls in the chosen mode and pushes', async () => {
    let status = clean({ ahead: 2 });
    const fetchMock = routeFetch((url, init) => {
      if (url.endsWith('/git/status')) return jsonResponse(200, status);
      if (url.endsWith('/git/fetch') && init?.method === 'POST') {
        status = clean({ ahead: 2, behind: 3 });
        return new Response(null, { status: 204 });
      }
      if (url.endsWith('/git/pull')) {
        status = clean({ ahead: 2 });
        return new Response(null, { status: 204 });
      }
      if (url.endsWith('/git/push')) {
        status = clean({});
        return jsonResponse(200, { branch: 'main', upstream: 'origin/main', upstreamSet: false });
      }
      return jsonResponse(404, { error: { code: 'NOT_FOUND', message: url } });
    });
    render(<GitTab projectId="p1" />);
    const remote = await screen.findByRole('group', { name: 'Remote' });
    expect(within(remote).getByText('origin/main')).toBeTruthy();
    expect(within(remote).getByLabelText('2 ahead').textContent).toBe('↑2');
    expect(within(remote).getByLabelText('0 behind').textContent).toBe('↓0');
    const user = userEvent.setup();

    await user.click(within(remote).getByRole('button', { name: 'Fetch' }));
    expect(await screen.findByText('Fetched.')).toBeTruthy();
    expect(within(remote).getByLabelText('3 behind').textContent).toBe('↓3');

    await user.selectOptions(within(remote).getByLabelText('How to pull'), 'rebase');
    await user.click(within(remote).getByRole('button', { name: 'Pull' }));
    expect(await screen.findByText('Pulled.')).toBeTruthy();
    expect(bodyOf(fetchMock.mock.calls, '/git/pull')).toEqual({ mode: 'rebase' });
    expect(within(remote).getByLabelText('0 behind')).toBeTruthy();

    await user.click(within(remote).getByRole('button', { name: 'Push' }));
    expect(await screen.findByText('Pushed to origin/main.')).toBeTruthy();
    expect(within(remote).getByLabelText('0 ahead')).toBeTruthy();
  });

  it('says the first push sets the upstream, and shows a refused pull as the server explains it', async () => {
    let status = clean({ upstream: null, ahead: 0 });
    routeFetch((url) => {
      if (url.endsWith('/git/status')) return jsonResponse(200, status);
      if (url.endsWith('/git/push')) {
        status = clean({});
        return jsonResponse(200, { branch: 'main', upstream: 'origin/main', upstreamSet: true });
      }
      if (url.endsWith('/git/pull')) {
        return jsonResponse(409, { error: { code: 'PULL_CONFLICT', message: 'the remote\'s commits conflict with the local commits of main: the pull was undone, nothing changed' } });
      }
      return jsonResponse(404, { error: { code: 'NOT_FOUND', message: url } });
    });
    render(<GitTab projectId="p1" />);
    const remote = await screen.findByRole('group', { name: 'Remote' });
    expect(within(remote).getByText('No upstream: the first push sets one.')).toBeTruthy();
    expect((within(remote).getByRole('button', { name: 'Pull' }) as HTMLButtonElement).disabled).toBe(true);
    const user = userEvent.setup();

    await user.click(within(remote).getByRole('button', { name: 'Push' }));
    expect(await screen.findByText('Pushed; main now tracks origin/main.')).toBeTruthy();
    await user.click(within(remote).getByRole('button', { name: 'Pull' }));
    expect((await screen.findByRole('alert')).textContent).toContain('the pull was undone, nothing changed');
  });

  it('a remote that wants a password gives its error at once', async () => {
    routeFetch((url) => {
      if (url.endsWith('/git/status')) return jsonResponse(200, clean({}));
      return jsonResponse(409, { error: { code: 'REMOTE_AUTH_REQUIRED', message: 'the remote asks for credentials the server\'s git configuration does not have' } });
    });
    render(<GitTab projectId="p1" />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Fetch' }));
    expect((await screen.findByRole('alert')).textContent).toContain('asks for credentials');
    expect((screen.getByRole('button', { name: 'Fetch' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('streams git\'s progress into a bar with its phase, then shows the result', async () => {
    let status = clean({ ahead: 2 });
    const stream = controlledStream();
    const fetchMock = routeFetch((url) => {
      if (url.endsWith('/git/status')) return jsonResponse(200, status);
      if (url.endsWith('/git/push')) return stream.response;
      return jsonResponse(404, { error: { code: 'NOT_FOUND', message: url } });
    });
    render(<GitTab projectId="p1" />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Push' }));
    expect(await screen.findByText('Starting git…')).toBeTruthy();
    const call = fetchMock.mock.calls.find((c) => String(c[0]).endsWith('/git/push'));
    expect((call?.[1]?.headers as Record<string, string>).Accept).toBe('text/event-stream');

    stream.send('progress', { phase: 'Writing objects', percent: 45, done: 9, total: 20 });
    expect(await screen.findByText('Writing objects: 45% (9/20)')).toBeTruthy();
    expect((screen.getByRole('progressbar', { name: 'Push: progress' }) as HTMLProgressElement).value).toBe(45);
    expect((screen.getByRole('button', { name: 'Pushing…' }) as HTMLButtonElement).disabled).toBe(true);

    status = clean({});
    stream.send('done', { branch: 'main', upstream: 'origin/main', upstreamSet: false });
    expect(await screen.findByText('Pushed to origin/main.')).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByLabelText('0 ahead')).toBeTruthy();
  });

  it('an error event shows as the plain call\'s error would', async () => {
    const stream = controlledStream();
    routeFetch((url) => {
      if (url.endsWith('/git/status')) return jsonResponse(200, clean({}));
      if (url.endsWith('/git/pull')) return stream.response;
      return jsonResponse(404, { error: { code: 'NOT_FOUND', message: url } });
    });
    render(<GitTab projectId="p1" />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Pull' }));
    stream.send('progress', { phase: 'Receiving objects', percent: 100, done: 3, total: 3 });
    stream.send('error', { error: { code: 'PULL_CONFLICT', message: 'the pull was undone, nothing changed' } });
    expect((await screen.findByRole('alert')).textContent).toContain('the pull was undone, nothing changed');
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('Cancel closes the stream, which stops git, and says nothing changed', async () => {
    const stream = controlledStream();
    let signal: AbortSignal | undefined;
    routeFetch((url, init) => {
      if (url.endsWith('/git/status')) return jsonResponse(200, clean({ behind: 3 }));
      if (url.endsWith('/git/pull')) {
        signal = init?.signal ?? undefined;
        signal?.addEventListener('abort', () => stream.fail(new DOMException('aborted', 'AbortError')));
        return stream.response;
      }
      return jsonResponse(404, { error: { code: 'NOT_FOUND', message: url } });
    });
    render(<GitTab projectId="p1" />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Pull' }));
    stream.send('progress', { phase: 'Receiving objects', percent: 12, done: 12, total: 100 });
    expect(await screen.findByText('Receiving objects: 12% (12/100)')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('Pull cancelled: nothing changed.')).toBeTruthy();
    expect(signal?.aborted).toBe(true);
    expect(screen.queryByRole('alert')).toBeNull();
    expect((screen.getByRole('button', { name: 'Pull' }) as HTMLButtonElement).disabled).toBe(false);
  });
});

/** An SSE answer whose events the test sends one by one. */
function controlledStream() {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start(c) { controller = c; } });
  return {
    response: new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream;charset=utf-8' } }),
    send(event: string, data: unknown) {
      controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
    },
    fail(reason: unknown) {
      controller.error(reason);
    },
  };
}
