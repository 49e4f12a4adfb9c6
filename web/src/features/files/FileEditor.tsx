/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, errorMessage } from '../../api/client';
import { downloadUrl, readFile, writeFile, type FileContent } from '../../api/workspace';
import { ErrorMessage } from '../shared';
import { useLoad } from '../useLoad';
import { clearDraft, getDraft, setDraft } from './drafts';

const CodeEditor = lazy(() => import('./CodeEditor'));

function formatSize(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** The "file changed on disk" choice after a 409 on save. */
function ConflictDialog({ onReload, onOverwrite, onKeep, busy }: {
  onReload: () => void; onOverwrite: () => void; onKeep: () => void; busy: boolean;
}) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div className="modal-backdrop">
      <div className="modal card" role="alertdialog" aria-modal="true" aria-labelledby="conflict-title" aria-describedby="conflict-text"
        onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); onKeep(); } }}>
        <h2 id="conflict-title">The file changed on disk</h2>
        <p id="conflict-text">
          Someone (or something, like Claude) saved this file after you opened it. Your changes are not saved yet.
        </p>
        <div className="row">
          <button type="button" ref={first} onClick={onKeep} disabled={busy}>Keep editing</button>
          <button type="button" onClick={onReload} disabled={busy}>Reload from disk (drop my changes)</button>
          <button type="button" className="primary" onClick={onOverwrite} disabled={busy}>Overwrite with my version</button>
        </div>
      </div>
    </div>
  );
}

export function FileEditor({ projectId, path, onDirtyChange }: {
  projectId: string; path: string; onDirtyChange?: (dirty: boolean) => void;
}) {
  const [file, setFile] = useState<FileContent | null>(null);
  /** What the editor opens with; a new version remounts it (the editor owns the text after that). */
  const [opened, setOpened] = useState({ version: 0, text: '' });
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [dirty, setDirty] = useState(false);
  const text = useRef('');

  const markDirty = useCallback((d: boolean) => {
    setDirty(d);
    onDirtyChange?.(d);
  }, [onDirtyChange]);

  const [editStartSha, setEditStartSha] = useState<string | null>(null);

  /** The file from disk; with `keepDraft`, unsaved edits of it (from before a tab switch) come back on top. */
  const load = useCallback(async (keepDraft: boolean) => {
    try {
      const f = await readFile(projectId, path);
      const draft = keepDraft ? getDraft(projectId, path) : undefined;
      if (!draft) clearDraft(projectId, path);
      setFile(f);
      const opening = draft?.text ?? f.content ?? '';
      text.current = opening;
      setOpened((o) => ({ version: o.version + 1, text: opening }));
      setEditStartSha(draft ? draft.baseSha : null);
      markDirty(!!draft);
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [projectId, path, markDirty]);

  // Another file: nothing shows until it is read (noticed while rendering, so the old one never shows).
  const fileKey = `${projectId}\u0000${path}`;
  const [readFor, setReadFor] = useState(fileKey);
  if (readFor !== fileKey) {
    setReadFor(fileKey);
    setFile(null);
  }
  useLoad(useCallback(() => load(true), [load]));

  const save = useCallback(async (baseSha: string | null | undefined) => {
    if (!file) return;
    setSaving(true);
    setSaved(false);
    try {
      const { sha } = await writeFile(projectId, path, text.current, baseSha, file.encoding);
      setFile({ ...file, sha, content: text.current, size: new Blob([text.current]).size });
      clearDraft(projectId, path);
      setEditStartSha(null);
      markDirty(false);
      setSaved(true);
      setConflict(false);
      setError(null);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.code === 'FILE_CHANGED') setConflict(true);
      else setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  }, [file, projectId, path, markDirty]);

  /** Saves against the sha the edit began from (kept across tab switches), so a change on disk meanwhile is caught. */
  const saveEdits = () => void save(editStartSha ?? file?.sha);

  function edited(t: string) {
    text.current = t;
    if (t === file?.content) {
      clearDraft(projectId, path);
      setEditStartSha(null);
      markDirty(false);
    } else {
      const baseSha = editStartSha ?? file?.sha ?? null;
      setDraft(projectId, path, { text: t, baseSha });
      setEditStartSha(baseSha);
      if (!dirty) markDirty(true);
    }
    setSaved(false);
  }

  async function overwrite() {
    // Take the current sha from disk, so what is overwritten is exactly what was just seen.
    setSaving(true);
    try {
      const latest = await readFile(projectId, path);
      await save(latest.sha);
    } catch (err) {
      setError(errorMessage(err));
      setSaving(false);
    }
  }

  const head = (
    <div className="editor-head">
      <span className="mono editor-path" title={path}>{path}{dirty && <span className="dirty" aria-label="unsaved changes"> ●</span>}</span>
      {file && <span className="muted small-text">{formatSize(file.size)}{file.encoding && file.encoding !== 'utf-8' && file.encoding !== 'base64' ? ` · ${file.encoding}` : ''}</span>}
      <span className="editor-actions">
        <a className="button small" href={downloadUrl(projectId, path)} download>Download</a>
        {file?.content != null && file.encoding !== 'base64' && (
          <button type="button" className="small primary" disabled={saving || !dirty} onClick={saveEdits}>
            {saving ? 'Saving…' : 'Save'}
          </button>
        )}
      </span>
    </div>
  );

  let body;
  if (!file) {
    body = error ? null : <p className="muted center" role="status">Loading {path}…</p>;
  } else if (file.encoding === 'base64' && file.content != null && file.mediaType?.startsWith('image/')) {
    body = (
      <div className="image-preview">
        <img src={`data:${file.mediaType};base64,${file.content}`} alt={`Preview of ${path}`} />
      </div>
    );
  } else if (file.content == null) {
    body = (
      <div className="placeholder">
        <p>{file.tooLarge ? `This file is too large to open here (${formatSize(file.size)}).` : 'This is a binary file.'}</p>
        <a className="button" href={downloadUrl(projectId, path)} download>Download {path.split('/').pop()}</a>
      </div>
    );
  } else {
    body = (
      <Suspense fallback={<p className="muted center" role="status">Loading the editor…</p>}>
        <CodeEditor key={`${path}#${opened.version}`} path={path} value={opened.text} onChange={edited} onSave={saveEdits} />
      </Suspense>
    );
  }

  return (
    <div className="file-editor">
      {head}
      <ErrorMessage message={error} />
      {saved && <p className="sr-only" role="status">Saved.</p>}
      <div className="editor-body">{body}</div>
      {conflict && (
        <ConflictDialog busy={saving}
          onKeep={() => setConflict(false)}
          onReload={() => { setConflict(false); void load(false); }}
          onOverwrite={() => void overwrite()} />
      )}
    </div>
  );
}
