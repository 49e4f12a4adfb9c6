import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { jsonResponse, routeFetch } from '../../test/fetch';
import { FilesTab } from './FilesTab';

vi.mock('./CodeEditor', () => ({ default: () => <textarea aria-label="editor" /> }));

/** XMLHttpRequest as the upload uses it: the test answers each request and reports progress. */
class FakeXhr {
  static sent: FakeXhr[] = [];
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: FormData | null = null;
  status = 0;
  statusText = '';
  responseText = '';
  aborted = false;
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  open(method: string, url: string) { this.method = method; this.url = url; }
  setRequestHeader(name: string, value: string) { this.headers[name] = value; }
  getResponseHeader() { return null; }
  send(body: FormData) { this.body = body; FakeXhr.sent.push(this); }
  abort() { this.aborted = true; this.onabort?.(); }
  progress(loaded: number, total: number) { act(() => this.upload.onprogress?.({ lengthComputable: true, loaded, total })); }
  respond(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    act(() => this.onload?.());
  }
  names() { return this.body!.getAll('files').map((f) => (f as File).name); }
}

const root = {
  path: '', truncated: false, entries: [
    { name: 'src', path: 'src', type: 'directory', size: 0 },
    { name: 'README.md', path: 'README.md', type: 'file', size: 6 },
  ],
};

let listings: string[];
beforeEach(() => {
  FakeXhr.sent = [];
  listings = [];
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  routeFetch((url) => {
    listings.push(url);
    if (url.startsWith('/api/projects/p1/files?')) return jsonResponse(200, url.includes('path=src') ? { path: 'src', truncated: false, entries: [] } : root);
    return jsonResponse(404, { error: { code: 'NOT_FOUND', message: url } });
  });
});
afterEach(() => vi.unstubAllGlobals());

const file = (name: string, text = 'x', relative = '') => {
  const f = new File([text], name, { type: 'text/plain' });
  if (relative) Object.defineProperty(f, 'webkitRelativePath', { value: relative });
  return f;
};

describe('uploads and downloads in the Files tab', () => {
  it('uploads picked files into the selected folder with progress, then reloads that folder', async () => {
    render(<FilesTab projectId="p1" />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'src' }));
    await user.upload(screen.getByLabelText('Files to upload'), [file('a.txt'), file('b.txt')]);

    const xhr = FakeXhr.sent[0];
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/api/projects/p1/files/upload?path=src');
    expect(xhr.headers['X-CCUI-CSRF']).toBe('1');
    expect(xhr.names()).toEqual(['a.txt', 'b.txt']);
    xhr.progress(50, 200);
    const status = screen.getByRole('status', { name: 'Upload' });
    expect(status.textContent).toContain('Uploading 2 files to src… 25%');
    expect((within(status).getByRole('progressbar', { name: 'Upload progress' }) as HTMLProgressElement).value).toBe(25);
    expect((screen.getByRole('button', { name: 'Upload files' }) as HTMLButtonElement).disabled).toBe(true);

    const before = listings.filter((u) => u.includes('path=src')).length;
    xhr.respond(201, { paths: ['src/a.txt', 'src/b.txt'] });
    expect(await screen.findByText(/Uploaded 2 files to src\./)).toBeTruthy();
    expect(listings.filter((u) => u.includes('path=src')).length).toBe(before + 1);
  });

  it('a picked folder keeps its paths; files in the way are named and replaced only when asked', async () => {
    render(<FilesTab projectId="p1" />);
    const user = userEvent.setup();
    await screen.findByRole('button', { name: 'src' });
    await user.upload(screen.getByLabelText('Folder to upload'), [file('index.html', 'i', 'site/index.html'), file('a.css', 'c', 'site/css/a.css')]);
    expect(FakeXhr.sent[0].url).toBe('/api/projects/p1/files/upload');
    expect(FakeXhr.sent[0].names()).toEqual(['site/index.html', 'site/css/a.css']);

    FakeXhr.sent[0].respond(409, { error: { code: 'UPLOAD_CONFLICT', message: 'already there', paths: ['site/index.html'] } });
    const dialog = await screen.findByRole('alertdialog', { name: 'Files already exist' });
    expect(dialog.textContent).toContain('This file already exists: site/index.html. Nothing was uploaded.');
    await user.click(within(dialog).getByRole('button', { name: 'Replace them' }));
    expect(FakeXhr.sent[1].url).toBe('/api/projects/p1/files/upload?overwrite=true');
    expect(FakeXhr.sent[1].names()).toEqual(['site/index.html', 'site/css/a.css']);
    FakeXhr.sent[1].respond(201, { paths: ['site/index.html', 'site/css/a.css'] });
    expect(await screen.findByText(/Uploaded 2 files to the project root\./)).toBeTruthy();
  });

  it('shows the server refusal and lets an upload be cancelled', async () => {
    render(<FilesTab projectId="p1" />);
    const user = userEvent.setup();
    await screen.findByRole('button', { name: 'src' });
    await user.upload(screen.getByLabelText('Files to upload'), [file('big.bin')]);
    FakeXhr.sent[0].respond(413, { error: { code: 'UPLOAD_TOO_LARGE', message: 'the upload is too large: at most 2048 bytes per file' } });
    expect((await screen.findByRole('alert')).textContent).toContain('at most 2048 bytes per file');

    await user.upload(screen.getByLabelText('Files to upload'), [file('slow.bin')]);
    await user.click(within(screen.getByRole('status', { name: 'Upload' })).getByRole('button', { name: 'Cancel' }));
    expect(FakeXhr.sent[1].aborted).toBe(true);
    expect(screen.queryByRole('status', { name: 'Upload' })).toBeNull();
  });

  it('a folder dropped on a folder row goes into that folder, walked with its subfolders', async () => {
    render(<FilesTab projectId="p1" />);
    const row = await screen.findByRole('button', { name: 'src' });
    const fileEntry = (name: string) => ({ isFile: true, isDirectory: false, name, file: (ok: (f: File) => void) => ok(file(name)) });
    const dirEntry = (name: string, children: unknown[]) => {
      let read = false;
      return { isFile: false, isDirectory: true, name,
        createReader: () => ({ readEntries: (ok: (e: unknown[]) => void) => { ok(read ? [] : children); read = true; } }) };
    };
    const site = dirEntry('site', [fileEntry('index.html'), dirEntry('css', [fileEntry('a.css')])]);
    const dataTransfer = { types: ['Files'], files: [], dropEffect: '',
      items: [{ kind: 'file', webkitGetAsEntry: () => site }] };
    fireEvent.dragOver(row, { dataTransfer });
    expect(screen.getByText('Drop files or folders to upload them.')).toBeTruthy();
    fireEvent.drop(row, { dataTransfer });
    await vi.waitFor(() => expect(FakeXhr.sent).toHaveLength(1));
    expect(FakeXhr.sent[0].url).toBe('/api/projects/p1/files/upload?path=src');
    expect(FakeXhr.sent[0].names()).toEqual(['site/index.html', 'site/css/a.css']);
    expect(screen.queryByText('Drop files or folders to upload them.')).toBeNull();
  });

  it('offers the project, a folder as a zip and a file as itself for download', async () => {
    render(<FilesTab projectId="p1" />);
    const user = userEvent.setup();
    await screen.findByRole('button', { name: 'src' });
    expect(screen.getByRole('link', { name: 'Download as zip' }).getAttribute('href')).toBe('/api/projects/p1/files/zip');
    await user.click(screen.getByRole('button', { name: 'src' }));
    expect(screen.getByRole('link', { name: 'Download as zip' }).getAttribute('href')).toBe('/api/projects/p1/files/zip?path=src');
    await user.click(screen.getByRole('button', { name: 'README.md' }));
    expect(screen.getByRole('link', { name: 'Download the selected file' }).getAttribute('href'))
      .toBe('/api/projects/p1/files/content?path=README.md&download=true');
    expect(screen.queryByRole('link', { name: 'Download as zip' })).toBeNull();
  });
});
