import { useCallback, useState } from 'react';
import { ApiError, errorMessage } from '../../api/client';
import {
  gitBranches, gitCheckout, gitCreateBranch, gitDeleteBranch, gitRenameBranch, type GitBranch,
} from '../../api/workspace';
import { ErrorMessage } from '../shared';
import { useGitList } from './useGitList';
import { useStrings } from '../../i18n/catalog';
import { gitPanelsStrings } from './panels.strings';

/** What a branch row is asking: nothing, its new name, or whether to delete it (force once git said it is not merged). */
type Editing = { name: string; kind: 'rename'; to: string } | { name: string; kind: 'delete'; force: boolean } | null;

export function Branches({ projectId, reload }: { projectId: string; reload: () => Promise<void> }) {
  const fetchBranches = useCallback(() => gitBranches(projectId), [projectId]);
  const { items: branches, busy, error, setError, run } = useGitList<GitBranch>(fetchBranches, reload);
  const [name, setName] = useState('');
  const [checkout, setCheckout] = useState(true);
  const [editing, setEditing] = useState<Editing>(null);
  const t = useStrings(gitPanelsStrings);

  /** A branch change; a delete git refuses as unmerged asks again, to force it. */
  async function change(action: () => Promise<unknown>) {
    const ok = await run(action, (err) => {
      if (err instanceof ApiError && err.code === 'BRANCH_NOT_MERGED' && editing?.kind === 'delete') {
        setEditing({ ...editing, force: true });
        return t.notMerged(editing.name);
      }
      return errorMessage(err);
    });
    if (ok) setEditing(null);
  }

  function actions(b: GitBranch) {
    if (editing?.name === b.name && editing.kind === 'rename') {
      const to = editing.to.trim();
      return (
        <form className="git-confirm" aria-label={t.renameBranch(b.name)}
          onSubmit={(e) => { e.preventDefault(); if (to && to !== b.name) void change(() => gitRenameBranch(projectId, b.name, to)); }}>
          <input aria-label={t.newNameOf(b.name)} value={editing.to} autoComplete="off" spellCheck={false} autoFocus
            onChange={(e) => setEditing({ ...editing, to: e.target.value })} />
          <button type="submit" className="small primary" disabled={busy || !to || to === b.name}>{t.rename}</button>
          <button type="button" className="small" onClick={() => setEditing(null)}>{t.cancel}</button>
        </form>
      );
    }
    if (editing?.name === b.name && editing.kind === 'delete') {
      return (
        <span className="git-confirm">
          <button type="button" className="small danger" disabled={busy} aria-label={t.confirmDeleteBranch(b.name)}
            onClick={() => void change(() => gitDeleteBranch(projectId, b.name, editing.force))}>
            {editing.force ? t.deleteAnyway : t.deleteIt}
          </button>
          <button type="button" className="small" onClick={() => { setEditing(null); setError(null); }}>{t.keep}</button>
        </span>
      );
    }
    return (
      <span className="git-confirm">
        {b.current ? <span className="badge">{t.current}</span> : (
          <button type="button" className="small" disabled={busy} aria-label={t.checkOutBranch(b.name)}
            onClick={() => void change(() => gitCheckout(projectId, b.name))}>{t.checkOut}</button>
        )}
        <button type="button" className="small" disabled={busy} aria-label={t.renameBranch(b.name)}
          onClick={() => setEditing({ name: b.name, kind: 'rename', to: b.name })}>{t.rename}</button>
        {!b.current && (
          <button type="button" className="small danger" disabled={busy} aria-label={t.deleteBranch(b.name)}
            onClick={() => setEditing({ name: b.name, kind: 'delete', force: false })}>{t.delete}</button>
        )}
      </span>
    );
  }

  return (
    <div className="git-branches">
      <form className="inline-form" aria-label={t.createBranchForm}
        onSubmit={(e) => { e.preventDefault(); if (name.trim()) void change(async () => { await gitCreateBranch(projectId, name.trim(), checkout); setName(''); }); }}>
        <div className="field">
          <label htmlFor="branch-name">{t.newBranch}</label>
          <input id="branch-name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" spellCheck={false} />
        </div>
        <label className="check"><input type="checkbox" checked={checkout} onChange={(e) => setCheckout(e.target.checked)} /> {t.switchToIt}</label>
        <button type="submit" className="primary" disabled={busy || !name.trim()}>{t.create}</button>
      </form>
      <ErrorMessage message={error} />
      {!branches ? <p className="muted" role="status">{t.loadingBranches}</p> : (
        <ul className="git-branch-list" aria-label={t.branches}>
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
