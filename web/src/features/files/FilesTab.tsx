import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type DragEvent, type FormEvent } from 'react';
import { errorMessage } from '../../api/client';
import { createEntry, deleteEntry, downloadUrl, listFiles, moveEntry, zipUrl, type FileEntry } from '../../api/workspace';
import { ErrorMessage } from '../shared';
import { draftPaths, lastOpenFile, onDraftsChanged, rememberOpenFile } from './drafts';
import { FileEditor } from './FileEditor';
import { droppedItems, pickedItems } from './dropped';
import { FileTree, type Folder } from './FileTree';
import { UploadStatus, useUploads } from './Uploads';
import { useStrings } from '../../i18n/catalog';
import { filesStrings } from './strings';

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
  const t = useStrings(filesStrings);
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
    if (!window.confirm(t.confirmDelete(selected.path, isDir))) return;
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

  const label = action?.kind === 'rename' ? t.newPath : action?.kind === 'folder' ? t.folderName : t.fileName;
  const into = targetDir || t.projectRoot;
  return (
    <section className={`files-tab${openFile ? ' has-file' : ''}`} aria-label={t.files}>
      <div className={`files-side${dropping ? ' dropping' : ''}`} onDragOver={dragOver}
        onDragLeave={(e) => { if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropping(false); }}
        onDrop={(e) => void drop(e)}>
        <div className="files-toolbar" role="toolbar" aria-label={t.fileActions}>
          <button type="button" className="small" onClick={() => setAction({ kind: 'file', value: '' })}>{t.newFile}</button>
          <button type="button" className="small" onClick={() => setAction({ kind: 'folder', value: '' })}>{t.newFolder}</button>
          <button type="button" className="small" disabled={!selected}
            onClick={() => selected && setAction({ kind: 'rename', value: selected.path })}>{t.rename}</button>
          <button type="button" className="small danger" disabled={!selected} onClick={() => void remove()}>{t.delete}</button>
          <button type="button" className="small" disabled={sending} title={t.uploadFilesInto(into)}
            onClick={() => filePicker.current?.click()}>{t.uploadFiles}</button>
          <button type="button" className="small" disabled={sending} title={t.uploadFolderInto(into)}
            onClick={() => folderPicker.current?.click()}>{t.uploadFolder}</button>
          <input ref={filePicker} type="file" multiple hidden aria-label={t.filesToUpload}
            onChange={(e) => { void uploads.start(targetDir, pickedItems(e.target.files)); e.target.value = ''; }} />
          <input ref={(el) => { folderPicker.current = el; el?.setAttribute('webkitdirectory', ''); }} type="file" multiple hidden
            aria-label={t.folderToUpload}
            onChange={(e) => { void uploads.start(targetDir, pickedItems(e.target.files)); e.target.value = ''; }} />
          {selected && selected.type !== 'directory' ? (
            <a className="button small" href={downloadUrl(projectId, selected.path)} download
              aria-label={t.downloadSelected} title={t.downloadName(selected.path)}>{t.download}</a>
          ) : (
            <a className="button small" href={zipUrl(projectId, selected?.path ?? '')} download
              title={t.downloadZipOf(selected?.path ?? null)}>{t.downloadZip}</a>
          )}
          <button type="button" className="icon" aria-label={t.reloadList} title={t.reload}
            onClick={() => { void loadFolder(''); for (const d of expanded) void loadFolder(d); }}>
            <span aria-hidden="true">⟳</span>
          </button>
          <label className="check">
            <input type="checkbox" checked={gitignore} onChange={(e) => setGitignore(e.target.checked)} />
            {t.hideIgnored}
          </label>
        </div>
        {action && (
          <form className="files-form" onSubmit={(e) => void submit(e)}
            aria-label={action.kind === 'rename' ? t.renameOrMove(selected?.path ?? '') : t.newIn(action.kind, into)}>
            <label>
              <span className="small-text">{label}{action.kind !== 'rename' && <span className="muted">{t.inFolder(targetDir || '/')}</span>}</span>
              <input autoFocus value={action.value} onChange={(e) => setAction({ ...action, value: e.target.value })}
                onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); setAction(null); } }} />
            </label>
            <div className="row">
              <button type="submit" className="small primary" disabled={busy || !action.value.trim()}>
                {action.kind === 'rename' ? t.move : t.create}
              </button>
              <button type="button" className="small" onClick={() => setAction(null)}>{t.cancel}</button>
            </div>
          </form>
        )}
        <ErrorMessage message={error} />
        <UploadStatus uploads={uploads} />
        {dropping && <p className="tree-note notice" role="status">{t.dropToUpload}</p>}
        {unsaved > 0 && <p className="tree-note notice" role="status">{t.unsavedFiles(unsaved)}</p>}
        <FileTree folders={folders} expanded={expanded} selected={selected?.path ?? null} dirty={dirtyPaths} onToggle={toggle} onSelect={select} />
      </div>
      <div className="files-main">
        {openFile ? (
          <>
            <button type="button" className="small back-to-tree" onClick={() => setOpenFile(null)}>{t.backToFiles}</button>
            <FileEditor key={openFile} projectId={projectId} path={openFile} />
          </>
        ) : (
          <p className="muted center">{t.pickFile}</p>
        )}
      </div>
    </section>
  );
}
