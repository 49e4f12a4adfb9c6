/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { gitFetch, gitPull, gitPush, type GitStatus, type PullMode } from '../../api/workspace';
import { ErrorMessage } from '../shared';

type Busy = 'fetch' | 'pull' | 'push' | null;
const MODES: [PullMode, string][] = [['ff-only', 'fast-forward only'], ['rebase', 'rebase my commits']];

/**
 * Fetch, pull and push for the current branch, and how far it is ahead of and behind its upstream.
 * Each waits for git (at most 2 minutes on the server); a remote that wants a password the server
 * does not have answers at once with what to set up.
 */
export function RemoteBar({ projectId, status, reload }: { projectId: string; status: GitStatus; reload: () => Promise<void> }) {
  const [busy, setBusy] = useState<Busy>(null);
  const [mode, setMode] = useState<PullMode>('ff-only');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function run(what: Exclude<Busy, null>, action: () => Promise<string>) {
    setBusy(what);
    setNotice(null);
    try {
      const done = await action();
      setError(null);
      setNotice(done);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      await reload();
      setBusy(null);
    }
  }

  const { upstream, ahead, behind, branch } = status;
  return (
    <div className="git-remote">
      <div className="git-remote-actions" role="group" aria-label="Remote">
        <span className="git-sync small-text" aria-live="polite">
          {upstream
            ? <><span className="mono">{upstream}</span> <span title={`${ahead} to push`} aria-label={`${ahead} ahead`}>↑{ahead}</span>{' '}
              <span title={`${behind} to pull`} aria-label={`${behind} behind`}>↓{behind}</span></>
            : <span className="muted">No upstream: the first push sets one.</span>}
        </span>
        <button type="button" className="small" disabled={busy !== null}
          onClick={() => void run('fetch', async () => { await gitFetch(projectId); return 'Fetched.'; })}>
          {busy === 'fetch' ? 'Fetching…' : 'Fetch'}
        </button>
        <select aria-label="How to pull" value={mode} onChange={(e) => setMode(e.target.value as PullMode)} disabled={busy !== null}>
          {MODES.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
        <button type="button" className="small" disabled={busy !== null || !upstream}
          onClick={() => void run('pull', async () => { await gitPull(projectId, mode); return 'Pulled.'; })}>
          {busy === 'pull' ? 'Pulling…' : 'Pull'}
        </button>
        <button type="button" className="small" disabled={busy !== null || !branch}
          onClick={() => void run('push', async () => {
            const pushed = await gitPush(projectId);
            return pushed.upstreamSet ? `Pushed; ${pushed.branch} now tracks ${pushed.upstream}.` : `Pushed to ${pushed.upstream}.`;
          })}>
          {busy === 'push' ? 'Pushing…' : 'Push'}
        </button>
      </div>
      <ErrorMessage message={error} />
      {notice && <p className="success" role="status">{notice}</p>}
    </div>
  );
}
