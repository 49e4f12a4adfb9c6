import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../../api/client';
import {
  gitCommit, gitDiff, gitDiscard, gitDiscardHunk, gitLog, gitStage, gitStatus, gitUnstage, type GitCommit, type GitFile, type GitStatus,
} from '../../api/workspace';
import { CommitMessageButton } from './CommitMessageButton';
import { DiffHunks, parseUnifiedDiff, type Hunk } from '../messages/Diff';
import { ErrorMessage, formatCount, formatDate } from '../shared';
import { shellStrings } from '../shell/strings';
import { useStrings } from '../../i18n/catalog';
import { useLoad } from '../useLoad';
import { Branches } from './Branches';
import { HunkDiscard } from './HunkDiscard';
import { RemoteBar } from './RemoteBar';
import { Stashes } from './Stashes';
import { gitTabStrings } from './GitTab.strings';
import { gitPanelsStrings } from './panels.strings';

const LOG_PAGE = 30;
/** git's one-letter status codes, and the word each is said with. */
const CODE: Record<string, keyof typeof gitTabStrings.en> = {
  M: 'modified', A: 'added', D: 'deleted', R: 'renamed', C: 'copied', U: 'conflicted', '?': 'untracked', T: 'typeChanged',
};

type View = 'changes' | 'branches' | 'stashes' | 'history';
interface Selected { path: string; staged: boolean }

const changed = (code: string) => code !== '.' && code !== ' ' && code !== '';

/** One changed file: show its diff, stage or unstage it, and (not staged) discard its changes after a confirmation. */
function FileRow({ file, code, staged, selected, onShow, onToggle, onDiscard, busy }: {
  file: GitFile; code: string; staged: boolean; selected: boolean; busy: boolean;
  onShow: () => void; onToggle: () => void; onDiscard?: () => void;
}) {
  const t = useStrings(gitTabStrings);
  const keep = useStrings(gitPanelsStrings).keep;
  const [confirming, setConfirming] = useState(false);
  const word = CODE[code];
  const what = word ? (t[word] as string) : code;
  return (
    <li className={`git-file${selected ? ' selected' : ''}`}>
      <span className={`git-code code-${code === '?' ? 'q' : code}`} title={what} aria-hidden="true">{code}</span>
      <button type="button" className="link git-path mono" onClick={onShow} aria-pressed={selected}
        aria-label={t.showDiffOf(file.path, what)}>
        {file.originalPath ? `${file.originalPath} → ${file.path}` : file.path}
      </button>
      {confirming && onDiscard ? (
        <span className="git-confirm">
          <button type="button" className="small danger" disabled={busy} aria-label={t.confirmDiscard(file.path)}
            onClick={() => { setConfirming(false); onDiscard(); }}>{file.untracked ? t.deleteIt : t.discardThem}</button>
          <button type="button" className="small" onClick={() => setConfirming(false)} aria-label={t.keepFile(file.path)}>{keep}</button>
        </span>
      ) : (
        <span className="git-confirm">
          {onDiscard && (
            <button type="button" className="small danger" disabled={busy} onClick={() => setConfirming(true)}
              aria-label={t.discardChangesTo(file.path)} title={file.untracked ? t.deleteThisFile : t.backToLastVersion}>
              {t.discard}
            </button>
          )}
          <button type="button" className="small" disabled={busy} onClick={onToggle}
            aria-label={staged ? t.unstageFile(file.path) : t.stageFile(file.path)}>
            {staged ? t.unstage : t.stage}
          </button>
        </span>
      )}
    </li>
  );
}

function Section({ name, title, files, staged, codeOf, selected, busy, onShow, onToggle, onAll, onDiscard }: {
  name: string; title: string; files: GitFile[]; staged: boolean; codeOf: (f: GitFile) => string; selected: Selected | null; busy: boolean;
  onShow: (s: Selected) => void; onToggle: (f: GitFile) => void; onAll: () => void; onDiscard?: (f: GitFile) => void;
}) {
  const t = useStrings(gitTabStrings);
  if (files.length === 0) return null;
  const id = `git-${name}`;
  return (
    <section className="git-section" aria-labelledby={id}>
      <div className="git-section-head">
        <h3 id={id}>{title} <span className="count">{formatCount(files.length)}</span></h3>
        <button type="button" className="small" disabled={busy} onClick={onAll}>{staged ? t.unstageAll : t.stageAll}</button>
      </div>
      <ul className="git-files" aria-label={title}>
        {files.map((f) => (
          <FileRow key={f.path} file={f} code={codeOf(f)} staged={staged} busy={busy}
            selected={selected?.path === f.path && selected.staged === staged}
            onShow={() => onShow({ path: f.path, staged })} onToggle={() => onToggle(f)}
            onDiscard={onDiscard && (() => onDiscard(f))} />
        ))}
      </ul>
    </section>
  );
}

/** The diff of the file on show; not staged, each hunk can be discarded on its own. */
function DiffPane({ projectId, selected, version, busy, onDiscardHunk }: {
  projectId: string; selected: Selected; version: number; busy: boolean; onDiscardHunk: (h: Hunk) => void;
}) {
  const t = useStrings(gitTabStrings);
  const [diff, setDiff] = useState<{ diff: string; truncated: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Another file (or a change to it): the old diff goes at once (noticed while rendering).
  const shownFor = `${projectId}\u0000${selected.path}\u0000${selected.staged}\u0000${version}`;
  const [diffFor, setDiffFor] = useState(shownFor);
  if (diffFor !== shownFor) {
    setDiffFor(shownFor);
    setDiff(null);
  }
  useEffect(() => {
    let live = true;
    gitDiff(projectId, selected.path, selected.staged)
      .then((d) => live && (setDiff(d), setError(null)))
      .catch((err: unknown) => live && setError(errorMessage(err)));
    return () => { live = false; };
  }, [projectId, selected.path, selected.staged, version]);
  const files = useMemo(() => (diff ? parseUnifiedDiff(diff.diff) : []), [diff]);
  return (
    <section className="git-diff" aria-label={t.diffOf(selected.path)}>
      <h3 className="mono">{selected.path} <span className="muted small-text">{selected.staged ? t.staged : t.notStaged}</span></h3>
      <ErrorMessage message={error} />
      {!diff && !error && <p className="muted" role="status">{t.loadingDiff}</p>}
      {diff && files.length === 0 && <p className="muted">{t.noTextualChanges}</p>}
      {files.map((f, i) => (
        <DiffHunks key={i} hunks={f.hunks} label={t.changesIn(f.file || selected.path)}
          hunkAction={selected.staged ? undefined
            : (h) => <HunkDiscard hunk={h} path={selected.path} busy={busy} onDiscard={onDiscardHunk} />} />
      ))}
      {diff?.truncated && <p className="notice">{t.diffCut}</p>}
    </section>
  );
}

function Changes({ projectId, status, reload }: { projectId: string; status: GitStatus; reload: () => Promise<void> }) {
  const t = useStrings(gitTabStrings);
  const [selected, setSelected] = useState<Selected | null>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  const staged = status.files.filter((f) => f.staged);
  const unstaged = status.files.filter((f) => !f.untracked && changed(f.worktree));
  const untracked = status.files.filter((f) => f.untracked);

  /** Stages or unstages one file; a diff on show follows the file to its new side. */
  function move(f: GitFile, toStaged: boolean) {
    void run(() => (toStaged ? gitStage : gitUnstage)(projectId, [f.path])).then(() => {
      setSelected((sel) => (sel?.path === f.path ? { path: f.path, staged: toStaged } : sel));
    });
  }

  /** Throws a file's working-tree changes away; its diff, when on show, goes with them. */
  function discard(f: GitFile) {
    void run(() => gitDiscard(projectId, [f.path]), f.untracked ? t.deletedFile(f.path) : t.discardedChanges(f.path))
      .then(() => setSelected((sel) => (sel?.path === f.path && !sel.staged ? null : sel)));
  }

  async function run(action: () => Promise<unknown>, after?: string) {
    setBusy(true);
    try {
      await action();
      await reload();
      setVersion((v) => v + 1);
      setError(null);
      setNotice(after ?? null);
    } catch (err) {
      setError(err instanceof ApiError && err.code === 'NOTHING_TO_COMMIT' ? t.nothingToCommit : errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  async function commit(e: FormEvent) {
    e.preventDefault();
    const text = message.trim();
    if (!text) return;
    setBusy(true);
    try {
      const { hash } = await gitCommit(projectId, text);
      setMessage('');
      setSelected(null);
      await reload();
      setError(null);
      setNotice(t.committed(hash.slice(0, 7)));
    } catch (err) {
      setError(err instanceof ApiError && err.code === 'NOTHING_TO_COMMIT' ? t.nothingToCommit : errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="git-changes">
      <div className="git-lists">
        <ErrorMessage message={error} />
        {notice && <p className="success" role="status">{notice}</p>}
        {status.files.length === 0 && <p className="muted">{t.clean}</p>}
        <Section name="staged" title={t.stagedChanges} files={staged} staged codeOf={(f) => f.index} selected={selected} busy={busy}
          onShow={setSelected} onToggle={(f) => move(f, false)}
          onAll={() => void run(() => gitUnstage(projectId, ['.']))} />
        <Section name="changes" title={t.changes} files={unstaged} staged={false} codeOf={(f) => f.worktree} selected={selected} busy={busy}
          onShow={setSelected} onToggle={(f) => move(f, true)} onDiscard={discard}
          onAll={() => void run(() => gitStage(projectId, unstaged.map((f) => f.path)))} />
        <Section name="untracked" title={t.untrackedFiles} files={untracked} staged={false} codeOf={() => '?'} selected={selected} busy={busy}
          onShow={setSelected} onToggle={(f) => move(f, true)} onDiscard={discard}
          onAll={() => void run(() => gitStage(projectId, untracked.map((f) => f.path)))} />
        <form className="commit-box" onSubmit={(e) => void commit(e)} aria-label={t.commitForm}>
          <label htmlFor="commit-message">{t.commitMessage}</label>
          <textarea id="commit-message" rows={3} value={message} onChange={(e) => setMessage(e.target.value)}
            placeholder={staged.length ? t.describeStaged : t.stageFirst}
            onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void commit(e); }} />
          <button type="submit" className="primary" disabled={busy || !message.trim() || staged.length === 0}>
            {t.commitFiles(staged.length)}
          </button>
          <CommitMessageButton projectId={projectId} disabled={busy || staged.length === 0}
            onMessage={(text) => { setMessage(text); setError(null); }} onError={setError} />
        </form>
      </div>
      {selected && (
        <DiffPane projectId={projectId} selected={selected} version={version} busy={busy}
          onDiscardHunk={(h) => void run(() => gitDiscardHunk(projectId, selected.path, h),
            t.discardedHunk(h.newStart, selected.path))} />
      )}
    </div>
  );
}

function History({ projectId }: { projectId: string }) {
  const t = useStrings(gitTabStrings);
  const [items, setItems] = useState<GitCommit[]>([]);
  const [more, setMore] = useState(true);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  // Another project: its log loads from the start (noticed while rendering).
  const [logOf, setLogOf] = useState(projectId);
  if (logOf !== projectId) {
    setLogOf(projectId);
    setLoading(true);
  }

  /** Whoever starts it says it is loading (the first page starts so, "Load older commits" itself). */
  const page = useCallback(async (skip: number) => {
    try {
      const { items: got } = await gitLog(projectId, skip, LOG_PAGE);
      setItems((old) => (skip === 0 ? got : [...old, ...got]));
      setMore(got.length === LOG_PAGE);
      setError(null);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'NO_COMMITS') setMore(false);
      else setError(errorMessage(err));
    } finally {
      setLoading(false);
    }
  }, [projectId]);
  useLoad(useCallback(() => page(0), [page]));

  return (
    <div className="git-history">
      <ErrorMessage message={error} />
      {items.length === 0 && !loading && !error && <p className="muted">{t.noCommits}</p>}
      <ol className="git-log" aria-label={t.commits}>
        {items.map((c) => (
          <li key={c.hash}>
            <span className="commit-subject">{c.subject}</span>
            <span className="commit-meta muted small-text">
              <span className="mono">{c.hash.slice(0, 7)}</span> · {c.authorName} · {formatDate(c.authoredAt)}
            </span>
          </li>
        ))}
      </ol>
      {loading && <p className="muted" role="status">{t.loadingCommits}</p>}
      {more && !loading && items.length > 0 && (
        <button type="button" className="small" onClick={() => { setLoading(true); void page(items.length); }}>{t.loadOlder}</button>
      )}
    </div>
  );
}

export function GitTab({ projectId }: { projectId: string }) {
  const t = useStrings(gitTabStrings);
  const panels = useStrings(gitPanelsStrings);
  const gitLabel = useStrings(shellStrings).tabGit;
  const [status, setStatus] = useState<GitStatus | null>(null);
  const [error, setError] = useState<ApiError | string | null>(null);
  const [view, setView] = useState<View>('changes');

  const reload = useCallback(async () => {
    try {
      setStatus(await gitStatus(projectId));
      setError(null);
    } catch (err) {
      setError(err instanceof ApiError ? err : errorMessage(err));
    }
  }, [projectId]);
  useLoad(reload);

  if (error instanceof ApiError && error.code === 'NOT_A_REPOSITORY') {
    return <section className="git-tab placeholder" aria-label={gitLabel}><p>{t.notARepository}</p></section>;
  }
  const views: [View, string][] = [['changes', t.changes], ['branches', panels.branches], ['stashes', panels.stashes], ['history', t.history]];
  return (
    <section className="git-tab" aria-label={gitLabel}>
      <div className="git-head">
        <span className="git-branch" title={t.currentBranch}>
          <span aria-hidden="true">⎇ </span>
          <span className="sr-only">{t.branch} </span>
          <span className="mono">{status ? status.branch ?? t.detachedAt(status.head?.slice(0, 7) ?? '—') : '…'}</span>
        </span>
        <button type="button" className="icon" aria-label={t.refreshStatus} title={t.refresh} onClick={() => void reload()}>
          <span aria-hidden="true">⟳</span>
        </button>
        <div className="segmented" role="group" aria-label={t.views}>
          {views.map(([v, label]) => (
            <button key={v} type="button" className="small" aria-pressed={view === v} onClick={() => setView(v)}>{label}</button>
          ))}
        </div>
      </div>
      {status && <RemoteBar projectId={projectId} status={status} reload={reload} />}
      <ErrorMessage message={error ? (typeof error === 'string' ? error : error.message) : null} />
      {view === 'changes' && (status ? <Changes projectId={projectId} status={status} reload={reload} />
        : !error && <p className="muted center" role="status">{t.loadingStatus}</p>)}
      {view === 'branches' && <Branches projectId={projectId} reload={reload} />}
      {view === 'stashes' && <Stashes projectId={projectId} reload={reload} />}
      {view === 'history' && <History projectId={projectId} />}
    </section>
  );
}
