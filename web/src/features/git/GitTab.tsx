import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../../api/client';
import {
  gitBranches, gitCheckout, gitCommit, gitCreateBranch, gitDiff, gitLog, gitStage, gitStatus, gitUnstage,
  type GitBranch, type GitCommit, type GitFile, type GitStatus,
} from '../../api/workspace';
import { DiffHunks, parseUnifiedDiff } from '../messages/Diff';
import { ErrorMessage, formatDate } from '../shared';
import { useLoad } from '../useLoad';

const LOG_PAGE = 30;
const CODE: Record<string, string> = {
  M: 'modified', A: 'added', D: 'deleted', R: 'renamed', C: 'copied', U: 'conflicted', '?': 'untracked', T: 'type changed',
};

type View = 'changes' | 'branches' | 'history';
interface Selected { path: string; staged: boolean }

const changed = (code: string) => code !== '.' && code !== ' ' && code !== '';

function FileRow({ file, code, staged, selected, onShow, onToggle, busy }: {
  file: GitFile; code: string; staged: boolean; selected: boolean; busy: boolean;
  onShow: () => void; onToggle: () => void;
}) {
  const what = CODE[code] ?? code;
  return (
    <li className={`git-file${selected ? ' selected' : ''}`}>
      <span className={`git-code code-${code === '?' ? 'q' : code}`} title={what} aria-hidden="true">{code}</span>
      <button type="button" className="link git-path mono" onClick={onShow} aria-pressed={selected}
        aria-label={`Show the diff of ${file.path} (${what})`}>
        {file.originalPath ? `${file.originalPath} → ${file.path}` : file.path}
      </button>
      <button type="button" className="small" disabled={busy} onClick={onToggle}
        aria-label={`${staged ? 'Unstage' : 'Stage'} ${file.path}`}>
        {staged ? 'Unstage' : 'Stage'}
      </button>
    </li>
  );
}

function Section({ title, files, staged, codeOf, selected, busy, onShow, onToggle, onAll }: {
  title: string; files: GitFile[]; staged: boolean; codeOf: (f: GitFile) => string; selected: Selected | null; busy: boolean;
  onShow: (s: Selected) => void; onToggle: (f: GitFile) => void; onAll: () => void;
}) {
  if (files.length === 0) return null;
  const id = `git-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section className="git-section" aria-labelledby={id}>
      <div className="git-section-head">
        <h3 id={id}>{title} <span className="count">{files.length}</span></h3>
        <button type="button" className="small" disabled={busy} onClick={onAll}>{staged ? 'Unstage all' : 'Stage all'}</button>
      </div>
      <ul className="git-files" aria-label={title}>
        {files.map((f) => (
          <FileRow key={f.path} file={f} code={codeOf(f)} staged={staged} busy={busy}
            selected={selected?.path === f.path && selected.staged === staged}
            onShow={() => onShow({ path: f.path, staged })} onToggle={() => onToggle(f)} />
        ))}
      </ul>
    </section>
  );
}

function DiffPane({ projectId, selected, version }: { projectId: string; selected: Selected; version: number }) {
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
    <section className="git-diff" aria-label={`Diff of ${selected.path}`}>
      <h3 className="mono">{selected.path} <span className="muted small-text">{selected.staged ? 'staged' : 'not staged'}</span></h3>
      <ErrorMessage message={error} />
      {!diff && !error && <p className="muted" role="status">Loading the diff…</p>}
      {diff && files.length === 0 && <p className="muted">No textual changes (a binary file, or a new empty file).</p>}
      {files.map((f, i) => <DiffHunks key={i} hunks={f.hunks} label={`Changes in ${f.file || selected.path}`} />)}
      {diff?.truncated && <p className="notice">The diff is cut at 1 MiB.</p>}
    </section>
  );
}

function Changes({ projectId, status, reload }: { projectId: string; status: GitStatus; reload: () => Promise<void> }) {
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

  async function run(action: () => Promise<unknown>, after?: string) {
    setBusy(true);
    try {
      await action();
      await reload();
      setVersion((v) => v + 1);
      setError(null);
      setNotice(after ?? null);
    } catch (err) {
      setError(err instanceof ApiError && err.code === 'NOTHING_TO_COMMIT' ? 'Nothing is staged to commit.' : errorMessage(err));
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
      setNotice(`Committed ${hash.slice(0, 7)}.`);
    } catch (err) {
      setError(err instanceof ApiError && err.code === 'NOTHING_TO_COMMIT' ? 'Nothing is staged to commit.' : errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="git-changes">
      <div className="git-lists">
        <ErrorMessage message={error} />
        {notice && <p className="success" role="status">{notice}</p>}
        {status.files.length === 0 && <p className="muted">No changes: the working tree is clean.</p>}
        <Section title="Staged changes" files={staged} staged codeOf={(f) => f.index} selected={selected} busy={busy}
          onShow={setSelected} onToggle={(f) => move(f, false)}
          onAll={() => void run(() => gitUnstage(projectId, ['.']))} />
        <Section title="Changes" files={unstaged} staged={false} codeOf={(f) => f.worktree} selected={selected} busy={busy}
          onShow={setSelected} onToggle={(f) => move(f, true)}
          onAll={() => void run(() => gitStage(projectId, unstaged.map((f) => f.path)))} />
        <Section title="Untracked files" files={untracked} staged={false} codeOf={() => '?'} selected={selected} busy={busy}
          onShow={setSelected} onToggle={(f) => move(f, true)}
          onAll={() => void run(() => gitStage(projectId, untracked.map((f) => f.path)))} />
        <form className="commit-box" onSubmit={(e) => void commit(e)} aria-label="Commit">
          <label htmlFor="commit-message">Commit message</label>
          <textarea id="commit-message" rows={3} value={message} onChange={(e) => setMessage(e.target.value)}
            placeholder={staged.length ? 'Describe the staged changes' : 'Stage changes first'}
            onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void commit(e); }} />
          <button type="submit" className="primary" disabled={busy || !message.trim() || staged.length === 0}>
            Commit {staged.length > 0 ? `${staged.length} ${staged.length === 1 ? 'file' : 'files'}` : ''}
          </button>
        </form>
      </div>
      {selected && <DiffPane projectId={projectId} selected={selected} version={version} />}
    </div>
  );
}

function Branches({ projectId, reload }: { projectId: string; reload: () => Promise<void> }) {
  const [branches, setBranches] = useState<GitBranch[] | null>(null);
  const [name, setName] = useState('');
  const [checkout, setCheckout] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setBranches((await gitBranches(projectId)).items);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [projectId]);
  useLoad(load);

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    try {
      await action();
      await Promise.all([load(), reload()]);
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="git-branches">
      <form className="inline-form" aria-label="Create a branch"
        onSubmit={(e) => { e.preventDefault(); if (name.trim()) void run(async () => { await gitCreateBranch(projectId, name.trim(), checkout); setName(''); }); }}>
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
              {b.current ? <span className="badge">current</span> : (
                <button type="button" className="small" disabled={busy} aria-label={`Check out ${b.name}`}
                  onClick={() => void run(() => gitCheckout(projectId, b.name))}>Check out</button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function History({ projectId }: { projectId: string }) {
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
      {items.length === 0 && !loading && !error && <p className="muted">No commits yet.</p>}
      <ol className="git-log" aria-label="Commits">
        {items.map((c) => (
          <li key={c.hash}>
            <span className="commit-subject">{c.subject}</span>
            <span className="commit-meta muted small-text">
              <span className="mono">{c.hash.slice(0, 7)}</span> · {c.authorName} · {formatDate(c.authoredAt)}
            </span>
          </li>
        ))}
      </ol>
      {loading && <p className="muted" role="status">Loading commits…</p>}
      {more && !loading && items.length > 0 && (
        <button type="button" className="small" onClick={() => { setLoading(true); void page(items.length); }}>Load older commits</button>
      )}
    </div>
  );
}

export function GitTab({ projectId }: { projectId: string }) {
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
    return <section className="git-tab placeholder" aria-label="Git"><p>This project is not a git repository.</p></section>;
  }
  const views: [View, string][] = [['changes', 'Changes'], ['branches', 'Branches'], ['history', 'History']];
  return (
    <section className="git-tab" aria-label="Git">
      <div className="git-head">
        <span className="git-branch" title="Current branch">
          <span aria-hidden="true">⎇ </span>
          <span className="sr-only">Branch </span>
          <span className="mono">{status ? status.branch ?? `detached at ${status.head?.slice(0, 7) ?? '—'}` : '…'}</span>
        </span>
        <button type="button" className="icon" aria-label="Refresh the git status" title="Refresh" onClick={() => void reload()}>
          <span aria-hidden="true">⟳</span>
        </button>
        {status?.upstream && (
          <span className="muted small-text">{status.upstream} · ↑{status.ahead} ↓{status.behind}</span>
        )}
        <div className="segmented" role="group" aria-label="Git views">
          {views.map(([v, label]) => (
            <button key={v} type="button" className="small" aria-pressed={view === v} onClick={() => setView(v)}>{label}</button>
          ))}
        </div>
      </div>
      <ErrorMessage message={error ? (typeof error === 'string' ? error : error.message) : null} />
      {view === 'changes' && (status ? <Changes projectId={projectId} status={status} reload={reload} />
        : !error && <p className="muted center" role="status">Loading the status…</p>)}
      {view === 'branches' && <Branches projectId={projectId} reload={reload} />}
      {view === 'history' && <History projectId={projectId} />}
    </section>
  );
}
