import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/client';
import { cancelClone, createProject, followClone, startClone, type Clone } from '../../api/projects';
import type { Project } from '../../api/types';
import { stringsNow, useStrings } from '../../i18n/catalog';
import { GitProgressBar } from '../git/GitProgressBar';
import { ErrorMessage } from '../shared';
import { projectsStrings } from './ProjectsPanel.strings';

/** A new empty folder under the workspaces root, optionally a git repository. */
export function NewFolderForm({ onAdded, onCancel }: { onAdded: (p: Project) => void; onCancel: () => void }) {
  const [name, setName] = useState('');
  const [gitInit, setGitInit] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const t = useStrings(projectsStrings);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) return setError(t.folderNameMissing);
    setBusy(true);
    setError(null);
    try {
      onAdded(await createProject(name.trim(), gitInit));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="add-project" onSubmit={submit} noValidate aria-label={t.newProjectForm}>
      <label htmlFor={id}>{t.folderName}</label>
      <input id={id} value={name} onChange={(e) => setName(e.target.value)} placeholder={'my-app'} autoFocus
        spellCheck={false} autoComplete="off" maxLength={255}
        onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); onCancel(); } }} />
      <label className="check">
        <input type="checkbox" checked={gitInit} onChange={(e) => setGitInit(e.target.checked)} /> {t.makeGitRepo}
      </label>
      <ErrorMessage message={error} />
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>{busy ? t.creating : t.create}</button>
        <button type="button" onClick={onCancel}>{t.cancel}</button>
      </div>
    </form>
  );
}

/** A clone of an https/ssh URL or a repository under the root, with git's progress and a cancel button. */
export function CloneForm({ onAdded, onCancel }: { onAdded: (projectId: string) => void; onCancel: () => void }) {
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [clone, setClone] = useState<Clone | null>(null);
  const stopFollowing = useRef<(() => void) | null>(null);
  const urlId = useId();
  const nameId = useId();
  const t = useStrings(projectsStrings);

  useEffect(() => () => stopFollowing.current?.(), []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!url.trim()) return setError(t.urlMissing);
    setError(null);
    try {
      const started = await startClone(url.trim(), name.trim() || undefined);
      setClone(started);
      stopFollowing.current = followClone(started.id, (c) => {
        setClone(c);
        if (c.state === 'succeeded' && c.projectId) onAdded(c.projectId);
        if (c.state === 'failed') setError(c.error?.message ?? stringsNow(projectsStrings).cloneFailed);
      });
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  async function cancel() {
    if (!clone) return;
    try {
      setClone(await cancelClone(clone.id));
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  const running = clone?.state === 'running';
  return (
    <form className="add-project" onSubmit={submit} noValidate aria-label={t.cloneForm}>
      <label htmlFor={urlId}>{t.repoUrl}</label>
      <input id={urlId} value={url} onChange={(e) => setUrl(e.target.value)} autoFocus spellCheck={false}
        autoComplete="off" placeholder={'https://github.com/org/repo.git'} disabled={running}
        onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); onCancel(); } }} />
      <label htmlFor={nameId}>{t.folderNameOptional}</label>
      <input id={nameId} value={name} onChange={(e) => setName(e.target.value)} spellCheck={false}
        autoComplete="off" placeholder={'repo'} disabled={running} maxLength={255} />
      {clone && (running
        ? <GitProgressBar progress={clone.progress} label={t.cloneProgressLabel} />
        : (
          <div className="git-progress" role="status" aria-live="polite">
            <span className="small-text">
              {clone.state === 'cancelled' ? t.cloneCancelled : clone.state === 'succeeded' ? t.cloned : t.cloneFailed}
            </span>
          </div>
        ))}
      <ErrorMessage message={error} />
      <div className="row">
        {running
          ? <button type="button" onClick={() => void cancel()}>{t.cancelClone}</button>
          : <button type="submit" className="primary">{t.clone}</button>}
        <button type="button" onClick={onCancel} disabled={running}>{t.close}</button>
      </div>
    </form>
  );
}
