import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { showLanguage } from '../../i18n/current';
import { jsonResponse, routeFetch } from '../../test/fetch';
import { CloneForm, NewFolderForm } from './NewProjectForms';

afterEach(() => vi.unstubAllGlobals());

const project = {
  id: 'p9', name: 'fresh', path: '/w/fresh', starred: false, archived: false, discovered: false, ownerId: 'u1',
  sessionCount: 0, lastActivityAt: null, createdAt: '2026-01-01T00:00:00Z', archivedSessionCount: 0,
};
const running = (percent: number) => ({
  id: 'c1', url: 'https://x.org/repo.git', path: '/w/repo', state: 'running', startedAt: '2026-01-01T00:00:00Z',
  progress: { phase: 'Receiving objects', percent, done: percent, total: 100 },
});

function sse(...events: unknown[]): Response {
  const body = events.map((e) => `event: clone\ndata: ${JSON.stringify(e)}\n\n`).join('');
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

describe('NewFolderForm', () => {
  it('creates the folder with git init and hands the project over', async () => {
    const fetchMock = routeFetch((url, init) => {
      if (url === '/api/projects/new' && init?.method === 'POST') return jsonResponse(201, project);
      return jsonResponse(404, { error: { code: 'NOT_FOUND', message: url } });
    });
    const onAdded = vi.fn();
    render(<NewFolderForm onAdded={onAdded} onCancel={() => {}} />);
    await userEvent.type(screen.getByLabelText('Folder name'), 'fresh');
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(onAdded).toHaveBeenCalledWith(project));
    expect(JSON.parse(String(fetchMock.mock.calls[0][1]?.body))).toEqual({ name: 'fresh', gitInit: true });
  });

  it('shows the server’s refusal', async () => {
    routeFetch(() => jsonResponse(409, { error: { code: 'FOLDER_EXISTS', message: 'a file or folder of that name is already there' } }));
    render(<NewFolderForm onAdded={() => {}} onCancel={() => {}} />);
    await userEvent.type(screen.getByLabelText('Folder name'), 'taken');
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect((await screen.findByRole('alert')).textContent).toContain('already there');
  });
});

describe('CloneForm', () => {
  it('follows git’s progress over SSE and hands the cloned project over', async () => {
    routeFetch((url, init) => {
      if (url === '/api/projects/clone' && init?.method === 'POST') return jsonResponse(202, running(0));
      if (url === '/api/clones/c1') {
        return sse(running(40), { ...running(100), state: 'succeeded', projectId: 'p9', endedAt: '2026-01-01T00:00:05Z' });
      }
      return jsonResponse(404, { error: { code: 'NOT_FOUND', message: url } });
    });
    const onAdded = vi.fn();
    render(<CloneForm onAdded={onAdded} onCancel={() => {}} />);
    await userEvent.type(screen.getByLabelText('Repository URL'), 'https://x.org/repo.git');
    await userEvent.click(screen.getByRole('button', { name: 'Clone' }));
    await waitFor(() => expect(onAdded).toHaveBeenCalledWith('p9'));
    expect(screen.getByRole('status').textContent).toContain('Cloned');
  });

  it('cancels a running clone', async () => {
    let cancelled = false;
    routeFetch((url, init) => {
      if (url === '/api/projects/clone') return jsonResponse(202, running(10));
      if (url === '/api/clones/c1/cancel' && init?.method === 'POST') {
        cancelled = true;
        return jsonResponse(202, { ...running(10), state: 'cancelled', error: { code: 'CLONE_CANCELLED', message: 'the clone was cancelled' } });
      }
      if (url === '/api/clones/c1') {
        // A stream that stays open until the test ends, as a slow clone's would.
        return new Response(new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode(`data: ${JSON.stringify(running(10))}\n\n`)); } }),
          { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
      }
      return jsonResponse(404, { error: { code: 'NOT_FOUND', message: url } });
    });
    render(<CloneForm onAdded={() => {}} onCancel={() => {}} />);
    await userEvent.type(screen.getByLabelText('Repository URL'), 'https://x.org/repo.git');
    await userEvent.click(screen.getByRole('button', { name: 'Clone' }));
    expect((await screen.findByRole('status')).textContent).toContain('Receiving objects: 10%');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel clone' }));
    expect(cancelled).toBe(true);
    expect((await screen.findByRole('status')).textContent).toContain('Clone cancelled');
  });

  it('shows a refused URL from the server', async () => {
    routeFetch(() => jsonResponse(400, { error: { code: 'INVALID', field: 'url', message: 'only https://, ssh:// URLs' } }));
    render(<CloneForm onAdded={() => {}} onCancel={() => {}} />);
    await userEvent.type(screen.getByLabelText('Repository URL'), 'ext::sh');
    await userEvent.click(screen.getByRole('button', { name: 'Clone' }));
    expect((await screen.findByRole('alert')).textContent).toContain('only https://');
  });

  it('asks in Spanish when Spanish is shown, with git\'s progress as git says it', async () => {
    showLanguage('es');
    try {
      routeFetch((url) => (url === '/api/projects/clone' ? jsonResponse(202, running(10))
        : new Response(new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode(`data: ${JSON.stringify(running(10))}\n\n`)); } }),
          { status: 200, headers: { 'Content-Type': 'text/event-stream' } })));
      render(<CloneForm onAdded={() => {}} onCancel={() => {}} />);
      await userEvent.click(screen.getByRole('button', { name: 'Clonar' }));
      expect(screen.getByRole('alert').textContent).toContain('Escribe la URL de un repositorio');
      await userEvent.type(screen.getByLabelText('URL del repositorio'), 'https://x.org/repo.git');
      await userEvent.click(screen.getByRole('button', { name: 'Clonar' }));
      expect((await screen.findByRole('status')).textContent).toContain('Receiving objects: 10 % (10/100)');
      expect(screen.getByRole('progressbar', { name: 'Progreso de la clonación' })).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Cancelar la clonación' })).toBeTruthy();
    } finally {
      showLanguage('en');
    }
  });
});
