import { useCallback, useState, type FormEvent } from 'react';
import { gitApplyStash, gitDropStash, gitStash, gitStashes, type GitStash } from '../../api/workspace';
import { ErrorMessage, formatDate } from '../shared';
import { useGitList } from './useGitList';
import { useStrings } from '../../i18n/catalog';
import { gitPanelsStrings } from './panels.strings';

/** Save the local changes as a stash, and apply, pop or drop the saved ones (newest first). */
export function Stashes({ projectId, reload }: { projectId: string; reload: () => Promise<void> }) {
  const fetchStashes = useCallback(() => gitStashes(projectId), [projectId]);
  const { items: stashes, busy, error, run } = useGitList<GitStash>(fetchStashes, reload);
  const [message, setMessage] = useState('');
  const [untracked, setUntracked] = useState(true);
  const [dropping, setDropping] = useState<string | null>(null);
  const t = useStrings(gitPanelsStrings);

  function save(e: FormEvent) {
    e.preventDefault();
    void run(async () => {
      await gitStash(projectId, message.trim(), untracked);
      setMessage('');
    });
  }

  return (
    <div className="git-stashes">
      <form className="inline-form" aria-label={t.stashForm} onSubmit={save}>
        <div className="field">
          <label htmlFor="stash-message">{t.stashMessage}</label>
          <input id="stash-message" value={message} onChange={(e) => setMessage(e.target.value)} maxLength={500}
            autoComplete="off" placeholder={t.optional} />
        </div>
        <label className="check">
          <input type="checkbox" checked={untracked} onChange={(e) => setUntracked(e.target.checked)} /> {t.withUntracked}
        </label>
        <button type="submit" className="primary" disabled={busy}>{t.stashChanges}</button>
      </form>
      <ErrorMessage message={error} />
      {!stashes ? <p className="muted" role="status">{t.loadingStashes}</p> : stashes.length === 0 ? <p className="muted">{t.noStashes}</p> : (
        <ul className="git-branch-list" aria-label={t.stashes}>
          {stashes.map((s) => (
            <li key={s.commit}>
              <span className="branch-name">{s.message}</span>
              <span className="muted mono small-text">{s.commit.slice(0, 7)}</span>
              <span className="muted small-text">{formatDate(s.createdAt)}</span>
              {dropping === s.commit ? (
                <span className="git-confirm">
                  <button type="button" className="small danger" disabled={busy} aria-label={t.confirmDrop(s.message)}
                    onClick={() => void run(() => gitDropStash(projectId, s.index)).then(() => setDropping(null))}>{t.dropIt}</button>
                  <button type="button" className="small" onClick={() => setDropping(null)}>{t.keep}</button>
                </span>
              ) : (
                <span className="git-confirm">
                  <button type="button" className="small" disabled={busy} aria-label={t.applyStash(s.message)}
                    onClick={() => void run(() => gitApplyStash(projectId, s.index, false))}>{t.apply}</button>
                  <button type="button" className="small" disabled={busy} aria-label={t.popStash(s.message)}
                    title={t.popTitle} onClick={() => void run(() => gitApplyStash(projectId, s.index, true))}>{t.pop}</button>
                  <button type="button" className="small danger" disabled={busy} aria-label={t.dropStash(s.message)}
                    onClick={() => setDropping(s.commit)}>{t.drop}</button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
