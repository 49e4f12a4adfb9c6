import { useCallback, useState } from 'react';
import { ApiError, errorMessage } from '../../api/client';
import { getUserMemory, putUserMemory } from '../../api/memory';
import { createEntry, createFile, readFile, writeFile } from '../../api/workspace';
import { Markdown } from '../messages/Markdown';
import { stringsNow, useStrings } from '../../i18n/catalog';
import { ErrorMessage } from '../shared';
import { useLoad } from '../useLoad';
import { memoryStrings } from './MemoryFiles.strings';

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
    return stringsNow(memoryStrings).invalidJson((err as Error).message);
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
  const t = useStrings(memoryStrings);

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
      setNote(t.saved);
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
          <p className="small-text muted">{t.userNote}</p>
        )}
        {loaded?.inEffect === false && (
          <p className="notice small-text" role="note">
            {t.notInEffect}
          </p>
        )}
        {loaded && !loaded.exists && <p className="small-text muted">{t.noFileYet}</p>}
        <div className="row" role="tablist" aria-label={t.view}>
          <button type="button" role="tab" className="small" aria-selected={!preview} onClick={() => setPreview(false)}>{t.edit}</button>
          <button type="button" role="tab" className="small" aria-selected={preview} onClick={() => setPreview(true)}>{t.preview}</button>
        </div>
        {loaded === null && !error && <p className="muted" role="status">{t.loading}</p>}
        {loaded !== null && (preview ? (
          <div className="memory-preview" aria-label={t.preview}>
            {markdown ? <Markdown text={text} /> : (
              <p className={jsonProblem(text) ? 'error' : 'muted'}>{jsonProblem(text) ?? t.validJson}</p>
            )}
          </div>
        ) : (
          <textarea className="mono memory-text" aria-label={t.contentsOf(target.title)} value={text} rows={16}
            spellCheck={markdown} onChange={(e) => { setText(e.target.value); setNote(null); }} />
        ))}
        <ErrorMessage message={error} />
        {note && !dirty && <p className="muted small-text" role="status">{note}</p>}
        <div className="row">
          <button type="button" className="primary" disabled={busy || !dirty} onClick={() => void submit()}>{t.save}</button>
          {stale && <button type="button" onClick={() => void reload()}>{t.reload}</button>}
          <button type="button" onClick={onClose}>{t.close}</button>
        </div>
      </div>
    </div>
  );
}

/** The project menu's memory files: the project's CLAUDE.md and Claude settings, and the caller's own CLAUDE.md. */
export function MemoryFiles({ projectId, projectName }: { projectId: string; projectName: string }) {
  const [open, setOpen] = useState<Target | null>(null);
  const t = useStrings(memoryStrings);
  return (
    <div className="memory-files" role="group" aria-label={t.group}>
      <button type="button" onClick={() => setOpen({ kind: 'project', path: 'CLAUDE.md', title: t.claudeMdOf(projectName) })}>{'CLAUDE.md'}</button>
      <button type="button" onClick={() => setOpen({ kind: 'project', path: '.claude/settings.json', title: t.settingsOf(projectName) })}>{t.claudeSettings}</button>
      <button type="button" onClick={() => setOpen({ kind: 'user', title: t.myClaudeMd })}>{t.myClaudeMd}</button>
      {open && <MemoryEditor projectId={projectId} target={open} onClose={() => setOpen(null)} />}
    </div>
  );
}
