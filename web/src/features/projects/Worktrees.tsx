/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../../api/client';
import { createWorktree, listWorktrees, removeWorktree, type Worktree } from '../../api/projects';
import type { Project } from '../../api/types';
import { ErrorMessage } from '../shared';

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

  const load = useCallback(() => {
    listWorktrees(project.id).then((r) => setItems(r.items), (err: unknown) => setError(errorMessage(err)));
  }, [project.id]);
  useEffect(load, [load]);

  async function add(e: FormEvent) {
    e.preventDefault();
    if (!branch.trim()) return setError('Enter a branch name.');
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
    <div className="worktrees" aria-label={`Worktrees of ${project.name}`} role="region">
      <h3 className="small-text">Worktrees</h3>
      {items === null && !error && <p className="muted small-text" role="status">Loading worktrees…</p>}
      {items && (
        <ul className="worktree-list">
          {items.filter((w) => !w.main).map((w) => (
            <li key={w.path}>
              <span className="mono" title={w.path}>{w.branch ?? (w.head ?? '').slice(0, 8)}</span>
              {w.projectId && (
                <button type="button" className="small" onClick={() => void remove(w.projectId!, false)}
                  aria-label={`Remove worktree ${w.branch ?? w.path}`}>Remove</button>
              )}
              {refused && refused.id === w.projectId && (
                <span className="refused" role="alert">
                  {refused.message}{' '}
                  <button type="button" className="small danger" onClick={() => void remove(w.projectId!, true)}>Remove anyway</button>
                </span>
              )}
            </li>
          ))}
          {items.filter((w) => !w.main).length === 0 && <li className="muted small-text">No other worktree.</li>}
        </ul>
      )}
      <form className="add-worktree" onSubmit={add} aria-label="New worktree" noValidate>
        <label htmlFor={branchId}>Branch</label>
        <input id={branchId} value={branch} onChange={(e) => setBranch(e.target.value)} spellCheck={false}
          autoComplete="off" placeholder="feature/x" maxLength={200} />
        <label className="check">
          <input type="checkbox" checked={newBranch} onChange={(e) => setNewBranch(e.target.checked)} /> New branch
        </label>
        <button type="submit" className="small" disabled={busy}>{busy ? 'Adding…' : 'Add worktree'}</button>
      </form>
      <ErrorMessage message={error} />
    </div>
  );
}
