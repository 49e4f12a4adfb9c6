import { useEffect, useRef, useState } from 'react';
import { ApiError, errorMessage } from '../../api/client';
import { gitFetch, gitPull, gitPush, type GitProgress, type GitStatus, type PullMode, type RemoteWatch } from '../../api/workspace';
import { useStrings } from '../../i18n/catalog';
import { ErrorMessage } from '../shared';
import { GitProgressBar } from './GitProgressBar';
import { remoteStrings } from './strings';

type Action = 'fetch' | 'pull' | 'push';

/**
 * Fetch, pull and push for the current branch, and how far it is ahead of and behind its upstream.
 * Each streams git's progress (a bar with git's phase) and can be cancelled: the server stops git,
 * and a cancelled pull changes nothing. A remote that wants a password the server does not have
 * answers at once with what to set up.
 */
export function RemoteBar({ projectId, status, reload }: { projectId: string; status: GitStatus; reload: () => Promise<void> }) {
  const t = useStrings(remoteStrings);
  const [busy, setBusy] = useState<Action | null>(null);
  const [progress, setProgress] = useState<GitProgress | null>(null);
  const [mode, setMode] = useState<PullMode>('ff-only');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  // Leaving the tab closes the stream, which cancels git as the Cancel button does.
  useEffect(() => () => abort.current?.abort(), []);

  const cancelled: Record<Action, string> = { fetch: t.fetchCancelled, pull: t.pullCancelled, push: t.pushCancelled };

  async function run(what: Action, action: (watch: RemoteWatch) => Promise<string>) {
    const controller = new AbortController();
    abort.current = controller;
    setBusy(what);
    setProgress(null);
    setNotice(null);
    try {
      const done = await action({ onProgress: setProgress, signal: controller.signal });
      setError(null);
      setNotice(done);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CANCELLED') {
        setError(null);
        setNotice(cancelled[what]);
      } else {
        setError(errorMessage(err));
      }
    } finally {
      abort.current = null;
      await reload();
      setBusy(null);
    }
  }

  const actionName: Record<Action, string> = { fetch: t.fetch, pull: t.pull, push: t.push };
  const { upstream, ahead, behind, branch } = status;
  return (
    <div className="git-remote">
      <div className="git-remote-actions" role="group" aria-label={t.remote}>
        <span className="git-sync small-text" aria-live="polite">
          {upstream
            ? <><span className="mono">{upstream}</span> <span title={t.toPush(ahead)} aria-label={t.ahead(ahead)}>↑{ahead}</span>{' '}
              <span title={t.toPull(behind)} aria-label={t.behind(behind)}>↓{behind}</span></>
            : <span className="muted">{t.noUpstream}</span>}
        </span>
        <button type="button" className="small" disabled={busy !== null}
          onClick={() => void run('fetch', async (watch) => { await gitFetch(projectId, watch); return t.fetched; })}>
          {busy === 'fetch' ? t.fetching : t.fetch}
        </button>
        <select aria-label={t.howToPull} value={mode} onChange={(e) => setMode(e.target.value as PullMode)} disabled={busy !== null}>
          <option value="ff-only">{t.fastForwardOnly}</option>
          <option value="rebase">{t.rebase}</option>
        </select>
        <button type="button" className="small" disabled={busy !== null || !upstream}
          onClick={() => void run('pull', async (watch) => { await gitPull(projectId, mode, watch); return t.pulled; })}>
          {busy === 'pull' ? t.pulling : t.pull}
        </button>
        <button type="button" className="small" disabled={busy !== null || !branch}
          onClick={() => void run('push', async (watch) => {
            const pushed = await gitPush(projectId, watch);
            return pushed.upstreamSet ? t.pushedTracking(pushed.branch, pushed.upstream) : t.pushedTo(pushed.upstream);
          })}>
          {busy === 'push' ? t.pushing : t.push}
        </button>
      </div>
      {busy && (
        <div className="git-remote-progress">
          <GitProgressBar progress={progress} label={t.progressOf(actionName[busy])} />
          <button type="button" className="small" onClick={() => abort.current?.abort()}>{t.cancel}</button>
        </div>
      )}
      <ErrorMessage message={error} />
      {notice && <p className="success" role="status">{notice}</p>}
    </div>
  );
}
