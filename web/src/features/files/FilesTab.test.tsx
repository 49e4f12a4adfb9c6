import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { showLanguage } from '../../i18n/current';
import { jsonResponse, routeFetch } from '../../test/fetch';
import { FilesTab } from './FilesTab';

// CodeMirror needs a real layout engine: a plain textarea stands in for it here.
vi.mock('./CodeEditor', () => ({
  default: ({ path, value, onChange, onSave }: { path: string; value: string; onChange: (t: string) => void; onSave: () => void }) => (
    <textarea aria-label={`Contents of ${path}`} defaultValue={value}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={(e) => { if (e.key === 's' && e.ctrlKey) { e.preventDefault(); onSave(); } }} />
  ),
}));

afterEach(() => vi.unstubAllGlobals());

const root = {
  path: '', truncated: false, entries: [
    { name: 'src', path: 'src', type: 'directory', size: 0 },
    { name: 'README.md', path: 'README.md', type: 'file', size: 6 },
  ],
};
const src = {
  path: 'src', truncated: true, entries: [{ name: 'main.py', path: 'src/main.py', type: 'file', size: 12 }],
};

describe('FilesTab', () => {
  it('loads folders lazily, only when they are opened, and says when a listing is cut', async () => {
    const fetchMock = routeFetch((url) => {
      if (url === '/api/projects/p1/files?gitignore=true') return jsonResponse(200, root);
      if (url === '/api/projects/p1/files?gitignore=true&path=src') return jsonResponse(200, src);
      if (url === '/api/projects/p1/files?gitignore=false') return jsonResponse(200, { ...root, entries: [...root.entries, { name: 'build', path: 'build', type: 'directory', size: 0 }] });
      return jsonResponse(404, { error: { code: 'NOT_FOUND', message: url } });
    });
    render(<FilesTab projectId="p1" />);
    const tree = await screen.findByRole('tree', { name: 'Project files' });
    expect(await within(tree).findByText('README.md')).toBeTruthy();
    expect(within(tree).queryByText('main.py')).toBeNull();
    expect(fetchMock.mock.calls.map((c) => String(c[0]))).toEqual(['/api/projects/p1/files?gitignore=true']);

    const user = userEvent.setup();
    await user.click(within(tree).getByRole('button', { name: 'src' }));
    expect(await within(tree).findByText('main.py')).toBeTruthy();
    expect(within(tree).getByRole('treeitem', { name: /src/, expanded: true })).toBeTruthy();
    expect(within(tree).getByText('Only the first 1 entries of this folder are listed.')).toBeTruthy();

    // closing and reopening does not fetch again
    await user.click(within(tree).getByRole('button', { name: 'src' }));
    expect(within(tree).queryByText('main.py')).toBeNull();
    await user.click(within(tree).getByRole('button', { name: 'src' }));
    expect(fetchMock.mock.calls.filter((c) => String(c[0]).includes('path=src'))).toHaveLength(1);

    await user.click(screen.getByLabelText('Hide ignored files'));
    expect(await within(tree).findByText('build')).toBeTruthy();
  });

  it('saves with the sha it read, and on 409 offers reload, overwrite or keep editing', async () => {
    let writes = 0;
    const fetchMock = routeFetch((url, init) => {
      if (url.startsWith('/api/projects/p1/files?')) return jsonResponse(200, root);
      if (url === '/api/projects/p1/files/content?path=README.md' && (init?.method ?? 'GET') === 'GET') {
        return jsonResponse(200, { path: 'README.md', encoding: 'utf-8', content: writes ? 'theirs\n' : 'hello\n', sha: writes ? 'sha-2' : 'sha-1', size: 6, binary: false, mediaType: 'text/markdown', tooLarge: false });
      }
      if (url === '/api/projects/p1/files/content?path=README.md' && init?.method === 'PUT') {
        writes += 1;
        const body = JSON.parse(String(init.body)) as { baseSha: string };
        if (body.baseSha === 'sha-1') return jsonResponse(409, { error: { code: 'FILE_CHANGED', message: 'the file changed' } });
        return jsonResponse(200, { sha: 'sha-3' });
      }
      return jsonResponse(404, { error: { code: 'NOT_FOUND', message: url } });
    });
    render(<FilesTab projectId="p1" />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'README.md' }));
    const editor = await screen.findByLabelText('Contents of README.md');
    expect((editor as HTMLTextAreaElement).value).toBe('hello\n');
    expect(screen.getByRole('link', { name: 'Download' }).getAttribute('href')).toBe('/api/projects/p1/files/content?path=README.md&download=true');

    await user.type(editor, 'mine');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'The file changed on disk' });
    const put = fetchMock.mock.calls.find((c) => c[1]?.method === 'PUT')!;
    expect(JSON.parse(String(put[1]?.body))).toEqual({ content: 'hello\nmine', baseSha: 'sha-1', encoding: 'utf-8' });

    // keep editing: the dialog goes, the text stays
    await user.click(within(dialog).getByRole('button', { name: 'Keep editing' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect((screen.getByLabelText('Contents of README.md') as HTMLTextAreaElement).value).toBe('hello\nmine');

    // overwrite: fetches the current sha and saves against it
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Overwrite with my version' }));
    await screen.findByText('Saved.');
    const puts = fetchMock.mock.calls.filter((c) => c[1]?.method === 'PUT');
    expect(JSON.parse(String(puts.at(-1)![1]?.body))).toMatchObject({ content: 'hello\nmine', baseSha: 'sha-2' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('reloads from disk when asked after a conflict', async () => {
    let reads = 0;
    routeFetch((url, init) => {
      if (url.startsWith('/api/projects/p1/files?')) return jsonResponse(200, root);
      if (url.startsWith('/api/projects/p1/files/content') && init?.method === 'PUT') return jsonResponse(409, { error: { code: 'FILE_CHANGED', message: 'changed' } });
      reads += 1;
      return jsonResponse(200, { path: 'README.md', encoding: 'utf-8', content: reads > 1 ? 'theirs\n' : 'hello\n', sha: `sha-${reads}`, size: 6, binary: false, tooLarge: false });
    });
    render(<FilesTab projectId="p1" />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'README.md' }));
    await user.type(await screen.findByLabelText('Contents of README.md'), 'mine');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: /Reload from disk/ }));
    expect(await screen.findByDisplayValue('theirs')).toBeTruthy();
  });

  it('previews images and offers a download for binary files', async () => {
    routeFetch((url) => {
      if (url.startsWith('/api/projects/p1/files?')) {
        return jsonResponse(200, { path: '', truncated: false, entries: [
          { name: 'logo.png', path: 'logo.png', type: 'file', size: 4 }, { name: 'app.bin', path: 'app.bin', type: 'file', size: 9 }] });
      }
      if (url.endsWith('path=logo.png')) return jsonResponse(200, { path: 'logo.png', encoding: 'base64', content: 'iVBORw==', sha: 's', size: 4, binary: true, mediaType: 'image/png', tooLarge: false });
      return jsonResponse(200, { path: 'app.bin', encoding: null, content: null, sha: 's', size: 9, binary: true, mediaType: 'application/octet-stream', tooLarge: false });
    });
    render(<FilesTab projectId="p1" />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'logo.png' }));
    expect((await screen.findByAltText('Preview of logo.png')).getAttribute('src')).toBe('data:image/png;base64,iVBORw==');
    await user.click(screen.getByRole('button', { name: 'app.bin' }));
    expect(await screen.findByText('This is a binary file.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Download app.bin' }).getAttribute('href')).toBe('/api/projects/p1/files/content?path=app.bin&download=true');
  });

  it('speaks German when German is chosen', async () => {
    showLanguage('de');
    try {
      routeFetch(() => jsonResponse(200, root));
      // A project no other test opened a file of (the open file is remembered per project).
      render(<FilesTab projectId="p-de" />);
      const tree = await screen.findByRole('tree', { name: 'Projektdateien' });
      expect(await within(tree).findByText('README.md')).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Neuer Ordner' })).toBeTruthy();
      expect(screen.getByText('Wähle eine Datei, um sie zu öffnen.')).toBeTruthy();
    } finally {
      showLanguage('en');
    }
  });
});
