/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import { useCallback, useState } from 'react';
import { ApiError, errorMessage } from '../../api/client';
import { getUserMemory, putUserMemory } from '../../api/memory';
import { createEntry, createFile, readFile, writeFile } from '../../api/workspace';
import { Markdown } from '../messages/Markdown';
import { ErrorMessage } from '../shared';
import { useLoad } from '../useLoad';

/** Which memory or settings file is open: the project's (through the files API) or the caller's own. */
type Target =
  | { kind: 'project'; path: 'CLAUDE.md' | '.claude/settings.json'; title: string }
  | { kind: 'user'; title: string };

interface Loaded { content: string; sha: string | null; exists: boolean; inEffect?: boolean }

async function load(projectId: string, target: Target): Promise<Loaded> {
  if (target.kind === 'user') {
    const memory = await getUserMemory();
    return { content: memory.content, sha: memory.sha, exists: memory.exists, inEffect: memory.inEffect };
  }
  try {
    const file = await readFile(projectId, target.path);
    return { content: file.content ?? '', sha: file.sha ?? null, exists: true };
  } catch (err) {
    if (err instanceof ApiError && err.status === 404 && err.code !== 'PROJECT_FOLDER_MISSING') {
      return { content: '', sha: null, exists: false };
    }
    throw err;
  }
}

async function save(projectId: string, target: Target, content: string, loaded: Loaded): Promise<string> {
  if (target.kind === 'user') return (await putUserMemory(content, loaded.sha)).sha;
  if (loaded.exists) return (await writeFile(projectId, target.path, content, loaded.sha)).sha;
  if (target.path.includes('/')) {
    try {
      await createEntry(projectId, '.claude', 'directory');
    } catch (err) {
      if (!(err instanceof ApiError && err.code === 'ALREADY_EXISTS')) throw err;
    }
  }
  return (await createFile(projectId, target.path, content)).sha;
}

/** A settings file must stay JSON the CLI can read: a broken one would make every run fail. */
function jsonProblem(text: string): string | null {
  if (!text.trim()) return null;
  try {
    JSON.parse(text);
    return null;
  } catch (err) {
    return `Not valid JSON: ${(err as Error).message}`;
  }
}

function MemoryEditor({ projectId, target, onClose }: { projectId: string; target: Target; onClose: () => void }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [text, setText] = useState('');
  const [preview, setPreview] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const markdown = target.kind === 'user' || target.path.endsWith('.md');

  const reload = useCallback(async () => {
    try {
      const next = await load(projectId, target);
      setLoaded(next);
      setText(next.content);
      setStale(false);
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [projectId, target]);
  useLoad(reload);

  async function submit() {
    if (!loaded) return;
    const problem = markdown ? null : jsonProblem(text);
    if (problem) return setError(problem);
    setBusy(true);
    try {
      const sha = await save(projectId, target, text, loaded);
      setLoaded({ ...loaded, content: text, sha, exists: true });
      setNote('Saved.');
      setError(null);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'FILE_CHANGED') setStale(true);
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const dirty = loaded !== null && text !== loaded.content;
  return (
    <div className="modal-backdrop" onKeyDown={(e) => { if (e.key === 'Escape') onClose(); }}>
      <div className="modal card memory-editor" role="dialog" aria-modal="true" aria-label={target.title}>
        <h3>{target.title}</h3>
        {target.kind === 'user' && (
          <p className="small-text muted">Read by every run you start, in every project.</p>
        )}
        {loaded?.inEffect === false && (
          <p className="notice small-text" role="note">
            This server runs Claude without the sandbox, so runs read the machine user&apos;s own ~/.claude/CLAUDE.md
            instead; this file takes effect once the sandbox is on.
          </p>
        )}
        {loaded && !loaded.exists && <p className="small-text muted">There is no such file yet: saving creates it.</p>}
        <div className="row" role="tablist" aria-label="View">
          <button type="button" role="tab" className="small" aria-selected={!preview} onClick={() => setPreview(false)}>Edit</button>
          <button type="button" role="tab" className="small" aria-selected={preview} onClick={() => setPreview(true)}>Preview</button>
        </div>
        {loaded === null && !error && <p className="muted" role="status">Loading…</p>}
        {loaded !== null && (preview ? (
          <div className="memory-preview" aria-label="Preview">
            {markdown ? <Markdown text={text} /> : (
              <p className={jsonProblem(text) ? 'error' : 'muted'}>{jsonProblem(text) ?? 'Valid JSON.'}</p>
            )}
          </div>
        ) : (
          <textarea className="mono memory-text" aria-label={`Contents of ${target.title}`} value={text} rows={16}
            spellCheck={markdown} onChange={(e) => { setText(e.target.value); setNote(null); }} />
        ))}
        <ErrorMessage message={error} />
        {note && !dirty && <p className="muted small-text" role="status">{note}</p>}
        <div className="row">
          <button type="button" className="primary" disabled={busy || !dirty} onClick={() => void submit()}>Save</button>
          {stale && <button type="button" onClick={() => void reload()}>Reload (lose my changes)</button>}
          <button type="button" onClick={onClose}>Close</button>
        </div>
      </div>
    </div>
  );
}

/** The project menu's memory files: the project's CLAUDE.md and Claude settings, and the caller's own CLAUDE.md. */
export function MemoryFiles({ projectId, projectName }: { projectId: string; projectName: string }) {
  const [open, setOpen] = useState<Target | null>(null);
  return (
    <div className="memory-files" role="group" aria-label="Memory and settings">
      <button type="button" onClick={() => setOpen({ kind: 'project', path: 'CLAUDE.md', title: `CLAUDE.md of ${projectName}` })}>CLAUDE.md</button>
      <button type="button" onClick={() => setOpen({ kind: 'project', path: '.claude/settings.json', title: `Claude settings of ${projectName}` })}>Claude settings</button>
      <button type="button" onClick={() => setOpen({ kind: 'user', title: 'My CLAUDE.md' })}>My CLAUDE.md</button>
      {open && <MemoryEditor projectId={projectId} target={open} onClose={() => setOpen(null)} />}
    </div>
  );
}
