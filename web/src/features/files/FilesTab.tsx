/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type DragEvent, type FormEvent } from 'react';
import { errorMessage } from '../../api/client';
import { createEntry, deleteEntry, downloadUrl, listFiles, moveEntry, zipUrl, type FileEntry } from '../../api/workspace';
import { ErrorMessage } from '../shared';
import { draftPaths, lastOpenFile, onDraftsChanged, rememberOpenFile } from './drafts';
import { FileEditor } from './FileEditor';
import { droppedItems, pickedItems } from './dropped';
import { FileTree, type Folder } from './FileTree';
import { UploadStatus, useUploads } from './Uploads';

const parentOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
const join = (dir: string, name: string) => (dir ? `${dir}/${name}` : name);

type Action = { kind: 'file' | 'folder' | 'rename'; value: string } | null;

export function FilesTab({ projectId }: { projectId: string }) {
  const [gitignore, setGitignore] = useState(true);
  const [folders, setFolders] = useState<Map<string, Folder>>(new Map());
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [selected, setSelected] = useState<FileEntry | null>(null);
  const [openFile, setOpenFileState] = useState<string | null>(() => lastOpenFile(projectId));
  const setOpenFile = useCallback((path: string | null) => {
    rememberOpenFile(projectId, path);
    setOpenFileState(path);
  }, [projectId]);
  // The unsaved paths as one string: a snapshot that compares equal while they stay the same.
  const unsavedList = useSyncExternalStore(onDraftsChanged, () => Array.from(draftPaths(projectId)).sort().join('\n'));
  const dirtyPaths = useMemo(() => new Set(unsavedList ? unsavedList.split('\n') : []), [unsavedList]);
  const unsaved = dirtyPaths.size;
  const [action, setAction] = useState<Action>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const expandedRef = useRef(expanded);
  expandedRef.current = expanded;

  const loadFolder = useCallback(async (dir: string) => {
    setFolders((m) => new Map(m).set(dir, { ...m.get(dir), loading: true, error: undefined }));
    try {
      const listing = await listFiles(projectId, dir, gitignore);
      setFolders((m) => new Map(m).set(dir, { listing, loading: false }));
    } catch (err) {
      setFolders((m) => new Map(m).set(dir, { loading: false, error: errorMessage(err) }));
    }
  }, [projectId, gitignore]);

  // The root, and again whenever the .gitignore switch flips (open folders reload too).
  useEffect(() => {
    setFolders(new Map());
    void loadFolder('');
    for (const dir of expandedRef.current) void loadFolder(dir);
  }, [loadFolder]);

  function toggle(dir: string) {
    const next = new Set(expanded);
    if (next.has(dir)) next.delete(dir);
    else {
      next.add(dir);
      if (!folders.get(dir)?.listing) void loadFolder(dir);
    }
    setExpanded(next);
  }

  function select(entry: FileEntry) {
    setSelected(entry);
    // Unsaved edits of the file left stay with it (drafts): nothing to confirm.
    if (entry.type !== 'directory') setOpenFile(entry.path);
  }

  /** The folder new entries go into: the selected folder, or the selected file's folder. */
  const targetDir = selected ? (selected.type === 'directory' ? selected.path : parentOf(selected.path)) : '';

  // After an upload: the folder it went to is opened, and it and every open folder below it reload.
  const uploaded = useCallback((folder: string) => {
    if (folder) setExpanded((s) => new Set(s).add(folder));
    void loadFolder(folder);
    for (const dir of expandedRef.current) if (folder === '' || dir.startsWith(`${folder}/`)) void loadFolder(dir);
  }, [loadFolder]);
  const uploads = useUploads(projectId, uploaded);
  const sending = uploads.state?.kind === 'sending';
  const [dropping, setDropping] = useState(false);
  const filePicker = useRef<HTMLInputElement | null>(null);
  const folderPicker = useRef<HTMLInputElement | null>(null);

  function dragOver(e: DragEvent) {
    if (!Array.from(e.dataTransfer.types).includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setDropping(true);
  }

  async function drop(e: DragEvent) {
    if (!Array.from(e.dataTransfer.types).includes('Files')) return;
    e.preventDefault();
    setDropping(false);
    if (sending) return;
    // Dropped on a row: into that folder (a file's: its folder); elsewhere: the folder new entries go to.
    const row = (e.target as Element).closest?.('[data-dir]');
    const folder = row ? row.getAttribute('data-dir') ?? '' : targetDir;
    void uploads.start(folder, await droppedItems(e.dataTransfer));
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!action) return;
    const value = action.value.trim().replace(/^\/+|\/+$/g, '');
    if (!value) return;
    setBusy(true);
    try {
      if (action.kind === 'rename' && selected) {
        await moveEntry(projectId, selected.path, value);
        if (openFile === selected.path) setOpenFile(value);
        await Promise.all([loadFolder(parentOf(selected.path)), loadFolder(parentOf(value))]);
        setSelected({ ...selected, path: value, name: value.split('/').pop() ?? value });
      } else {
        const path = join(targetDir, value);
        await createEntry(projectId, path, action.kind === 'file' ? 'file' : 'directory');
        if (targetDir) setExpanded((s) => new Set(s).add(targetDir));
        await loadFolder(parentOf(path));
        if (action.kind === 'file') {
          setOpenFile(path);
          setSelected({ name: value.split('/').pop() ?? value, path, type: 'file', size: 0 });
        }
      }
      setAction(null);
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (!selected) return;
    const isDir = selected.type === 'directory';
    if (!window.confirm(`Delete ${isDir ? 'the folder' : ''} ${selected.path}${isDir ? ' and everything in it' : ''}? This cannot be undone.`)) return;
    try {
      await deleteEntry(projectId, selected.path, isDir);
      if (openFile && (openFile === selected.path || openFile.startsWith(`${selected.path}/`))) setOpenFile(null);
      await loadFolder(parentOf(selected.path));
      setSelected(null);
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  const label = action?.kind === 'rename' ? 'New path' : action?.kind === 'folder' ? 'Folder name' : 'File name';
  return (
    <section className={`files-tab${openFile ? ' has-file' : ''}`} aria-label="Files">
      <div className={`files-side${dropping ? ' dropping' : ''}`} onDragOver={dragOver}
        onDragLeave={(e) => { if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropping(false); }}
        onDrop={(e) => void drop(e)}>
        <div className="files-toolbar" role="toolbar" aria-label="File actions">
          <button type="button" className="small" onClick={() => setAction({ kind: 'file', value: '' })}>New file</button>
          <button type="button" className="small" onClick={() => setAction({ kind: 'folder', value: '' })}>New folder</button>
          <button type="button" className="small" disabled={!selected}
            onClick={() => selected && setAction({ kind: 'rename', value: selected.path })}>Rename</button>
          <button type="button" className="small danger" disabled={!selected} onClick={() => void remove()}>Delete</button>
          <button type="button" className="small" disabled={sending} title={`Upload files into ${targetDir || 'the project root'}`}
            onClick={() => filePicker.current?.click()}>Upload files</button>
          <button type="button" className="small" disabled={sending} title={`Upload a folder into ${targetDir || 'the project root'}`}
            onClick={() => folderPicker.current?.click()}>Upload folder</button>
          <input ref={filePicker} type="file" multiple hidden aria-label="Files to upload"
            onChange={(e) => { void uploads.start(targetDir, pickedItems(e.target.files)); e.target.value = ''; }} />
          <input ref={(el) => { folderPicker.current = el; el?.setAttribute('webkitdirectory', ''); }} type="file" multiple hidden
            aria-label="Folder to upload"
            onChange={(e) => { void uploads.start(targetDir, pickedItems(e.target.files)); e.target.value = ''; }} />
          {selected && selected.type !== 'directory' ? (
            <a className="button small" href={downloadUrl(projectId, selected.path)} download
              aria-label="Download the selected file" title={`Download ${selected.path}`}>Download</a>
          ) : (
            <a className="button small" href={zipUrl(projectId, selected?.path ?? '')} download
              title={`Download ${selected?.path ?? 'the whole project'} as a zip`}>Download as zip</a>
          )}
          <button type="button" className="icon" aria-label="Reload the file list" title="Reload"
            onClick={() => { void loadFolder(''); for (const d of expanded) void loadFolder(d); }}>
            <span aria-hidden="true">⟳</span>
          </button>
          <label className="check">
            <input type="checkbox" checked={gitignore} onChange={(e) => setGitignore(e.target.checked)} />
            Hide ignored files
          </label>
        </div>
        {action && (
          <form className="files-form" onSubmit={(e) => void submit(e)}
            aria-label={action.kind === 'rename' ? `Rename or move ${selected?.path ?? ''}` : `New ${action.kind} in ${targetDir || 'the project root'}`}>
            <label>
              <span className="small-text">{label}{action.kind !== 'rename' && <span className="muted"> in {targetDir || '/'}</span>}</span>
              <input autoFocus value={action.value} onChange={(e) => setAction({ ...action, value: e.target.value })}
                onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); setAction(null); } }} />
            </label>
            <div className="row">
              <button type="submit" className="small primary" disabled={busy || !action.value.trim()}>
                {action.kind === 'rename' ? 'Move' : 'Create'}
              </button>
              <button type="button" className="small" onClick={() => setAction(null)}>Cancel</button>
            </div>
          </form>
        )}
        <ErrorMessage message={error} />
        <UploadStatus uploads={uploads} />
        {dropping && <p className="tree-note notice" role="status">Drop files or folders to upload them.</p>}
        {unsaved > 0 && <p className="tree-note notice" role="status">{unsaved === 1 ? '1 file has' : `${unsaved} files have`} unsaved changes (marked ●).</p>}
        <FileTree folders={folders} expanded={expanded} selected={selected?.path ?? null} dirty={dirtyPaths} onToggle={toggle} onSelect={select} />
      </div>
      <div className="files-main">
        {openFile ? (
          <>
            <button type="button" className="small back-to-tree" onClick={() => setOpenFile(null)}>← Files</button>
            <FileEditor key={openFile} projectId={projectId} path={openFile} />
          </>
        ) : (
          <p className="muted center">Pick a file to open it.</p>
        )}
      </div>
    </section>
  );
}
