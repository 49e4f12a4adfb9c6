/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import { useCallback, useState, type FormEvent } from 'react';
import { gitApplyStash, gitDropStash, gitStash, gitStashes, type GitStash } from '../../api/workspace';
import { ErrorMessage, formatDate } from '../shared';
import { useGitList } from './useGitList';

/** Save the local changes as a stash, and apply, pop or drop the saved ones (newest first). */
export function Stashes({ projectId, reload }: { projectId: string; reload: () => Promise<void> }) {
  const fetchStashes = useCallback(() => gitStashes(projectId), [projectId]);
  const { items: stashes, busy, error, run } = useGitList<GitStash>(fetchStashes, reload);
  const [message, setMessage] = useState('');
  const [untracked, setUntracked] = useState(true);
  const [dropping, setDropping] = useState<string | null>(null);

  function save(e: FormEvent) {
    e.preventDefault();
    void run(async () => {
      await gitStash(projectId, message.trim(), untracked);
      setMessage('');
    });
  }

  return (
    <div className="git-stashes">
      <form className="inline-form" aria-label="Stash the changes" onSubmit={save}>
        <div className="field">
          <label htmlFor="stash-message">Stash message</label>
          <input id="stash-message" value={message} onChange={(e) => setMessage(e.target.value)} maxLength={500}
            autoComplete="off" placeholder="optional" />
        </div>
        <label className="check">
          <input type="checkbox" checked={untracked} onChange={(e) => setUntracked(e.target.checked)} /> With untracked files
        </label>
        <button type="submit" className="primary" disabled={busy}>Stash changes</button>
      </form>
      <ErrorMessage message={error} />
      {!stashes ? <p className="muted" role="status">Loading stashes…</p> : stashes.length === 0 ? <p className="muted">No stashes.</p> : (
        <ul className="git-branch-list" aria-label="Stashes">
          {stashes.map((s) => (
            <li key={s.commit}>
              <span className="branch-name">{s.message}</span>
              <span className="muted mono small-text">{s.commit.slice(0, 7)}</span>
              <span className="muted small-text">{formatDate(s.createdAt)}</span>
              {dropping === s.commit ? (
                <span className="git-confirm">
                  <button type="button" className="small danger" disabled={busy} aria-label={`Confirm: drop ${s.message}`}
                    onClick={() => void run(() => gitDropStash(projectId, s.index)).then(() => setDropping(null))}>Drop it</button>
                  <button type="button" className="small" onClick={() => setDropping(null)}>Keep</button>
                </span>
              ) : (
                <span className="git-confirm">
                  <button type="button" className="small" disabled={busy} aria-label={`Apply ${s.message}`}
                    onClick={() => void run(() => gitApplyStash(projectId, s.index, false))}>Apply</button>
                  <button type="button" className="small" disabled={busy} aria-label={`Pop ${s.message}`}
                    title="Apply, then drop it" onClick={() => void run(() => gitApplyStash(projectId, s.index, true))}>Pop</button>
                  <button type="button" className="small danger" disabled={busy} aria-label={`Drop ${s.message}`}
                    onClick={() => setDropping(s.commit)}>Drop</button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
