import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../../api/client';
import { createWorktree, listWorktrees, removeWorktree, type Worktree } from '../../api/projects';
import type { Project } from '../../api/types';
import { ErrorMessage } from '../shared';
import { useStrings } from '../../i18n/catalog';
import { projectsStrings } from './ProjectsPanel.strings';

/** A project's git worktrees: each linked one a project of its own; add one on a branch, remove one. */
export function Worktrees({ project, onAdded, onRemoved }: {
  project: Project;
  onAdded: (p: Project) => void;
  onRemoved: (worktreeProjectId: string) => void;
}) {
  const [items, setItems] = useState<Worktree[] | null>(null);
  const [branch, setBranch] = useState('');
  const [newBranch, setNewBranch] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A removal git refused (uncommitted or unpushed work): said, and offered again with force.
  const [refused, setRefused] = useState<{ id: string; message: string } | null>(null);
  const branchId = useId();
  const t = useStrings(projectsStrings);

  const load = useCallback(() => {
    listWorktrees(project.id).then((r) => setItems(r.items), (err: unknown) => setError(errorMessage(err)));
  }, [project.id]);
  useEffect(load, [load]);

  async function add(e: FormEvent) {
    e.preventDefault();
    if (!branch.trim()) return setError(t.branchMissing);
    setBusy(true);
    setError(null);
    try {
      onAdded(await createWorktree(project.id, branch.trim(), newBranch));
      setBranch('');
      load();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  async function remove(id: string, force: boolean) {
    setError(null);
    try {
      await removeWorktree(project.id, id, force);
      setRefused(null);
      onRemoved(id);
      load();
    } catch (err) {
      if (err instanceof ApiError && (err.code === 'WORKTREE_DIRTY' || err.code === 'WORKTREE_UNPUSHED')) {
        setRefused({ id, message: err.message });
      } else {
        setError(errorMessage(err));
      }
    }
  }

  return (
    <div className="worktrees" aria-label={t.worktreesOf(project.name)} role="region">
      <h3 className="small-text">{t.worktrees}</h3>
      {items === null && !error && <p className="muted small-text" role="status">{t.loadingWorktrees}</p>}
      {items && (
        <ul className="worktree-list">
          {items.filter((w) => !w.main).map((w) => (
            <li key={w.path}>
              <span className="mono" title={w.path}>{w.branch ?? (w.head ?? '').slice(0, 8)}</span>
              {w.projectId && (
                <button type="button" className="small" onClick={() => void remove(w.projectId!, false)}
                  aria-label={t.removeWorktree(w.branch ?? w.path)}>{t.remove}</button>
              )}
              {refused && refused.id === w.projectId && (
                <span className="refused" role="alert">
                  {refused.message}{' '}
                  <button type="button" className="small danger" onClick={() => void remove(w.projectId!, true)}>{t.removeAnyway}</button>
                </span>
              )}
            </li>
          ))}
          {items.filter((w) => !w.main).length === 0 && <li className="muted small-text">{t.noOtherWorktree}</li>}
        </ul>
      )}
      <form className="add-worktree" onSubmit={add} aria-label={t.newWorktree} noValidate>
        <label htmlFor={branchId}>{t.branch}</label>
        <input id={branchId} value={branch} onChange={(e) => setBranch(e.target.value)} spellCheck={false}
          autoComplete="off" placeholder={'feature/x'} maxLength={200} />
        <label className="check">
          <input type="checkbox" checked={newBranch} onChange={(e) => setNewBranch(e.target.checked)} /> {t.newBranch}
        </label>
        <button type="submit" className="small" disabled={busy}>{busy ? t.adding : t.addWorktree}</button>
      </form>
      <ErrorMessage message={error} />
    </div>
  );
}
