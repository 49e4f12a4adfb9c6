/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import { useCallback, useState } from 'react';
import { ApiError, errorMessage } from '../../api/client';
import {
  gitBranches, gitCheckout, gitCreateBranch, gitDeleteBranch, gitRenameBranch, type GitBranch,
} from '../../api/workspace';
import { ErrorMessage } from '../shared';
import { useGitList } from './useGitList';

/** What a branch row is asking: nothing, its new name, or whether to delete it (force once git said it is not merged). */
type Editing = { name: string; kind: 'rename'; to: string } | { name: string; kind: 'delete'; force: boolean } | null;

export function Branches({ projectId, reload }: { projectId: string; reload: () => Promise<void> }) {
  const fetchBranches = useCallback(() => gitBranches(projectId), [projectId]);
  const { items: branches, busy, error, setError, run } = useGitList<GitBranch>(fetchBranches, reload);
  const [name, setName] = useState('');
  const [checkout, setCheckout] = useState(true);
  const [editing, setEditing] = useState<Editing>(null);

  /** A branch change; a delete git refuses as unmerged asks again, to force it. */
  async function change(action: () => Promise<unknown>) {
    const ok = await run(action, (err) => {
      if (err instanceof ApiError && err.code === 'BRANCH_NOT_MERGED' && editing?.kind === 'delete') {
        setEditing({ ...editing, force: true });
        return `${editing.name} has commits no other branch has: delete it anyway to lose them.`;
      }
      return errorMessage(err);
    });
    if (ok) setEditing(null);
  }

  function actions(b: GitBranch) {
    if (editing?.name === b.name && editing.kind === 'rename') {
      const to = editing.to.trim();
      return (
        <form className="git-confirm" aria-label={`Rename ${b.name}`}
          onSubmit={(e) => { e.preventDefault(); if (to && to !== b.name) void change(() => gitRenameBranch(projectId, b.name, to)); }}>
          <input aria-label={`New name of ${b.name}`} value={editing.to} autoComplete="off" spellCheck={false} autoFocus
            onChange={(e) => setEditing({ ...editing, to: e.target.value })} />
          <button type="submit" className="small primary" disabled={busy || !to || to === b.name}>Rename</button>
          <button type="button" className="small" onClick={() => setEditing(null)}>Cancel</button>
        </form>
      );
    }
    if (editing?.name === b.name && editing.kind === 'delete') {
      return (
        <span className="git-confirm">
          <button type="button" className="small danger" disabled={busy} aria-label={`Confirm: delete ${b.name}`}
            onClick={() => void change(() => gitDeleteBranch(projectId, b.name, editing.force))}>
            {editing.force ? 'Delete anyway' : 'Delete it'}
          </button>
          <button type="button" className="small" onClick={() => { setEditing(null); setError(null); }}>Keep</button>
        </span>
      );
    }
    return (
      <span className="git-confirm">
        {b.current ? <span className="badge">current</span> : (
          <button type="button" className="small" disabled={busy} aria-label={`Check out ${b.name}`}
            onClick={() => void change(() => gitCheckout(projectId, b.name))}>Check out</button>
        )}
        <button type="button" className="small" disabled={busy} aria-label={`Rename ${b.name}`}
          onClick={() => setEditing({ name: b.name, kind: 'rename', to: b.name })}>Rename</button>
        {!b.current && (
          <button type="button" className="small danger" disabled={busy} aria-label={`Delete ${b.name}`}
            onClick={() => setEditing({ name: b.name, kind: 'delete', force: false })}>Delete</button>
        )}
      </span>
    );
  }

  return (
    <div className="git-branches">
      <form className="inline-form" aria-label="Create a branch"
        onSubmit={(e) => { e.preventDefault(); if (name.trim()) void change(async () => { await gitCreateBranch(projectId, name.trim(), checkout); setName(''); }); }}>
        <div className="field">
          <label htmlFor="branch-name">New branch</label>
          <input id="branch-name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" spellCheck={false} />
        </div>
        <label className="check"><input type="checkbox" checked={checkout} onChange={(e) => setCheckout(e.target.checked)} /> Switch to it</label>
        <button type="submit" className="primary" disabled={busy || !name.trim()}>Create</button>
      </form>
      <ErrorMessage message={error} />
      {!branches ? <p className="muted" role="status">Loading branches…</p> : (
        <ul className="git-branch-list" aria-label="Branches">
          {branches.map((b) => (
            <li key={b.name} className={b.current ? 'current' : undefined}>
              <span className="mono branch-name">{b.name}</span>
              <span className="muted mono small-text">{b.commit?.slice(0, 7)}</span>
              {b.upstream && <span className="muted small-text">→ {b.upstream}</span>}
              {actions(b)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
