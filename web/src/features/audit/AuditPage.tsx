/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import { useCallback, useId, useRef, useState, type FormEvent } from 'react';
import { errorMessage, listAudit, type AuditFilter } from '../../api/client';
import type { AuditEntry } from '../../api/types';
import { ErrorMessage, formatDate } from '../shared';
import { usePageTitle } from '../shell/pageTitle';
import { sessionHref } from '../shell/route';
import { useLoad } from '../useLoad';

const PAGE = 50;

/** The actions the log records, grouped as the codes are (the server refuses any other). */
const ACTIONS = [
  'auth.setup', 'auth.login', 'auth.login_failed', 'auth.logout', 'auth.token_forged', 'auth.password_changed',
  'user.created', 'user.updated', 'user.deleted', 'user.password_reset', 'api_key.created', 'api_key.revoked',
  'project.registered', 'project.created', 'project.cloned', 'project.updated', 'project.removed', 'project.shared', 'project.unshared',
  'session.renamed', 'session.hidden', 'file.created', 'file.written', 'file.deleted', 'file.moved',
  'git.staged', 'git.unstaged', 'git.committed', 'git.checked_out', 'git.branch_created', 'git.branch_deleted',
  'git.branch_renamed', 'git.discarded', 'git.stashed', 'git.stash_applied', 'git.stash_dropped', 'git.fetched',
  'git.pulled', 'git.pushed', 'git.worktree_created', 'git.worktree_removed', 'terminal.opened',
  'run.started', 'run.stopped', 'run.queue_changed', 'permission.decided', 'maintenance.changed',
];

function Target({ entry }: { entry: AuditEntry }) {
  if (entry.session) {
    return (
      <a href={sessionHref(entry.session.projectId, entry.session.id)} title={`Run ${entry.target ?? ''}`}>
        Open the session<span className="sr-only"> of run {entry.target}</span>
      </a>
    );
  }
  return <span className="mono target">{entry.target ?? '—'}</span>;
}

/** Who did what, newest first, filtered by user, action and outcome; on a phone each entry is a card. */
export function AuditPage() {
  usePageTitle('Audit log');
  const [items, setItems] = useState<AuditEntry[]>([]);
  const [nextBefore, setNextBefore] = useState<string | number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [draft, setDraft] = useState<AuditFilter>({ user: '', action: '', outcome: '' });
  const [filter, setFilter] = useState<AuditFilter>({});
  const id = useId();

  // A page asked for before the newest one (under an older filter) may come back after it: it is dropped.
  const newest = useRef(0);

  /** Sets `loading` when done; whoever starts it says it is loading (the first page starts so). */
  const load = useCallback(async (before?: string | number | null) => {
    const asked = ++newest.current;
    try {
      const page = await listAudit(PAGE, before, filter);
      if (asked !== newest.current) return;
      setItems((old) => (before == null ? page.items : [...old, ...page.items]));
      setNextBefore(page.nextBefore ?? null);
      setError(null);
    } catch (err) {
      if (asked === newest.current) setError(errorMessage(err));
    } finally {
      if (asked === newest.current) setLoading(false);
    }
  }, [filter]);

  useLoad(load);

  function more(before?: string | number | null) {
    setLoading(true);
    void load(before);
  }

  function apply(e: FormEvent) {
    e.preventDefault();
    setLoading(true);
    setFilter({ ...draft });
  }

  function reset() {
    const none = { user: '', action: '', outcome: '' as const };
    setDraft(none);
    setLoading(true);
    setFilter(none);
  }

  const filtered = !!(filter.user || filter.action || filter.outcome);
  return (
    <section className="card audit" aria-labelledby="audit-title">
      <div className="card-head">
        <h2 id="audit-title">Audit log</h2>
        <button type="button" onClick={() => more()} disabled={loading}>Refresh</button>
      </div>
      <form className="audit-filters" onSubmit={apply} aria-label="Filter the audit log">
        <label htmlFor={`${id}-user`}>User</label>
        <input id={`${id}-user`} value={draft.user ?? ''} placeholder="any user" autoComplete="off" spellCheck={false}
          onChange={(e) => setDraft({ ...draft, user: e.target.value })} />
        <label htmlFor={`${id}-action`}>Action</label>
        <select id={`${id}-action`} value={draft.action ?? ''} onChange={(e) => setDraft({ ...draft, action: e.target.value })}>
          <option value="">Any action</option>
          {ACTIONS.map((a) => <option key={a} value={a}>{a}</option>)}
        </select>
        <label htmlFor={`${id}-outcome`}>Result</label>
        <select id={`${id}-outcome`} value={draft.outcome ?? ''}
          onChange={(e) => setDraft({ ...draft, outcome: e.target.value as AuditFilter['outcome'] })}>
          <option value="">Any result</option>
          <option value="success">OK</option>
          <option value="failure">Failed</option>
        </select>
        <div className="row">
          <button type="submit" className="primary small">Filter</button>
          {filtered && <button type="button" className="small" onClick={reset}>Show all</button>}
        </div>
      </form>
      <ErrorMessage message={error} />
      {items.length === 0 && !loading ? (
        <p className="muted">{filtered ? 'No entry matches this filter.' : 'Nothing recorded yet.'}</p>
      ) : (
        <table className="audit-table">
          <thead>
            <tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Target</th><th scope="col">IP</th><th scope="col">Result</th><th scope="col">Detail</th></tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.id}>
                <td data-label="When">{formatDate(a.at)}</td>
                <td data-label="Who">{a.actorUsername ?? a.actorUserId ?? '—'}</td>
                <td data-label="Action" className="mono">{a.action}</td>
                <td data-label="Target"><Target entry={a} /></td>
                <td data-label="IP" className="mono">{a.ip ?? '—'}</td>
                <td data-label="Result" className={a.success ? 'ok' : 'fail'}>{a.success ? 'OK' : 'Failed'}</td>
                <td data-label="Detail" className="detail">{a.detail ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {loading && <p className="muted" role="status">Loading…</p>}
      {nextBefore != null && !loading && (
        <button type="button" onClick={() => more(nextBefore)}>Load older entries</button>
      )}
    </section>
  );
}
