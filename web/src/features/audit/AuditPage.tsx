import { useCallback, useId, useRef, useState, type FormEvent } from 'react';
import { errorMessage, listAudit, type AuditFilter } from '../../api/client';
import type { AuditEntry } from '../../api/types';
import { ErrorMessage, formatDate } from '../shared';
import { usePageTitle } from '../shell/pageTitle';
import { sessionHref } from '../shell/route';
import { useLoad } from '../useLoad';
import { useStrings } from '../../i18n/catalog';
import { auditStrings } from './strings';

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
  const t = useStrings(auditStrings);
  if (entry.session) {
    return (
      <a href={sessionHref(entry.session.projectId, entry.session.id)} title={t.runTitle(entry.target ?? '')}>
        {t.openSession}<span className="sr-only">{t.ofRun(entry.target ?? '')}</span>
      </a>
    );
  }
  return <span className="mono target">{entry.target ?? '—'}</span>;
}

/** Who did what, newest first, filtered by user, action and outcome; on a phone each entry is a card. */
export function AuditPage() {
  const t = useStrings(auditStrings);
  usePageTitle(t.title);
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
        <h2 id="audit-title">{t.title}</h2>
        <button type="button" onClick={() => more()} disabled={loading}>{t.refresh}</button>
      </div>
      <form className="audit-filters" onSubmit={apply} aria-label={t.filterLabel}>
        <label htmlFor={`${id}-user`}>{t.user}</label>
        <input id={`${id}-user`} value={draft.user ?? ''} placeholder={t.anyUser} autoComplete="off" spellCheck={false}
          onChange={(e) => setDraft({ ...draft, user: e.target.value })} />
        <label htmlFor={`${id}-action`}>{t.action}</label>
        <select id={`${id}-action`} value={draft.action ?? ''} onChange={(e) => setDraft({ ...draft, action: e.target.value })}>
          <option value="">{t.anyAction}</option>
          {ACTIONS.map((a) => <option key={a} value={a}>{a}</option>)}
        </select>
        <label htmlFor={`${id}-outcome`}>{t.result}</label>
        <select id={`${id}-outcome`} value={draft.outcome ?? ''}
          onChange={(e) => setDraft({ ...draft, outcome: e.target.value as AuditFilter['outcome'] })}>
          <option value="">{t.anyResult}</option>
          <option value="success">{t.ok}</option>
          <option value="failure">{t.failed}</option>
        </select>
        <div className="row">
          <button type="submit" className="primary small">{t.filter}</button>
          {filtered && <button type="button" className="small" onClick={reset}>{t.showAll}</button>}
        </div>
      </form>
      <ErrorMessage message={error} />
      {items.length === 0 && !loading ? (
        <p className="muted">{filtered ? t.noMatch : t.nothingYet}</p>
      ) : (
        <table className="audit-table">
          <thead>
            <tr><th scope="col">{t.when}</th><th scope="col">{t.who}</th><th scope="col">{t.action}</th><th scope="col">{t.target}</th><th scope="col">{'IP'}</th><th scope="col">{t.result}</th><th scope="col">{t.detail}</th></tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.id}>
                <td data-label={t.when}>{formatDate(a.at)}</td>
                <td data-label={t.who}>{a.actorUsername ?? a.actorUserId ?? '—'}</td>
                <td data-label={t.action} className="mono">{a.action}</td>
                <td data-label={t.target}><Target entry={a} /></td>
                <td data-label="IP" className="mono">{a.ip ?? '—'}</td>
                <td data-label={t.result} className={a.success ? 'ok' : 'fail'}>{a.success ? t.ok : t.failed}</td>
                <td data-label={t.detail} className="detail">{a.detail ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {loading && <p className="muted" role="status">{t.loading}</p>}
      {nextBefore != null && !loading && (
        <button type="button" onClick={() => more(nextBefore)}>{t.older}</button>
      )}
    </section>
  );
}
