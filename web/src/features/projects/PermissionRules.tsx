/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import { useCallback, useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/client';
import { addPermissionRule, getPermissionRules, removePermissionRule, type PermissionRules as Rules } from '../../api/permissionRules';
import { ErrorMessage } from '../shared';
import { useAction } from '../useAction';
import { useLoad } from '../useLoad';

/**
 * The saved allow and deny rules of a project, from its menu: every run there starts with them (the CLI's
 * --allowedTools / --disallowedTools). The owner and admins change the project's rules; everyone keeps
 * personal ones for their own runs.
 */
export function PermissionRules({ projectId, projectName }: { projectId: string; projectName: string }) {
  const [rules, setRules] = useState<Rules | null>(null);
  const [rule, setRule] = useState('');
  const [behavior, setBehavior] = useState<'allow' | 'deny'>('allow');
  const [personal, setPersonal] = useState(false);
  const { busy, error, setError, run } = useAction();
  const ruleId = useId();

  const load = useCallback(async () => {
    try {
      const loaded = await getPermissionRules(projectId);
      setRules(loaded);
      if (!loaded.canEditProject) setPersonal(true);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [projectId, setError]);

  useLoad(load);

  async function add(e: FormEvent) {
    e.preventDefault();
    const text = rule.trim();
    if (!text) return setError('Enter a rule such as Bash(npm test:*), Read or Edit(src/**).');
    await run(async () => {
      await addPermissionRule(projectId, { behavior, rule: text, scope: personal ? 'personal' : 'project' });
      setRule('');
      await load();
    });
  }

  async function remove(id: string) {
    await run(async () => {
      await removePermissionRule(projectId, id);
      await load();
    });
  }

  return (
    <section className="permission-rules" aria-label={`Permission rules of ${projectName}`}>
      <h3 className="small-heading">Permission rules</h3>
      <p className="muted small-text">
        Every run in this project starts with these: allowed tools run without asking, denied ones are refused.
      </p>
      {!rules && !error && <p className="muted small-text" role="status">Loading…</p>}
      {rules && (
        <ul className="rules" aria-label="Saved rules">
          {rules.items.map((r) => (
            <li key={r.id}>
              <span className={`badge ${r.behavior}`}>{r.behavior === 'allow' ? 'Allow' : 'Deny'}</span>{' '}
              <code>{r.rule}</code>{' '}
              <span className="muted small-text">{r.scope === 'personal' ? 'only my runs' : 'everyone'}</span>
              {(r.scope === 'personal' || rules.canEditProject) && (
                <button type="button" className="small" disabled={busy} aria-label={`Remove rule ${r.behavior} ${r.rule}`}
                  onClick={() => void remove(r.id)}>
                  Remove
                </button>
              )}
            </li>
          ))}
          {rules.items.length === 0 && <li className="muted small-text">No saved rules: Claude asks before each tool that needs it.</li>}
        </ul>
      )}
      {rules && (
        <form className="row" onSubmit={add} noValidate aria-label={`Add a permission rule to ${projectName}`}>
          <select aria-label="Allow or deny" value={behavior} onChange={(e) => setBehavior(e.target.value === 'deny' ? 'deny' : 'allow')}>
            <option value="allow">Allow</option>
            <option value="deny">Deny</option>
          </select>
          <label htmlFor={ruleId} className="sr-only">Rule</label>
          <input id={ruleId} value={rule} onChange={(e) => setRule(e.target.value)} placeholder="Bash(npm test:*)"
            autoComplete="off" spellCheck={false} maxLength={302} className="mono" />
          {rules.canEditProject && (
            <label className="inline-field">
              <input type="checkbox" checked={personal} onChange={(e) => setPersonal(e.target.checked)} /> only my runs
            </label>
          )}
          <button type="submit" disabled={busy}>Save rule</button>
        </form>
      )}
      <ErrorMessage message={error} />
    </section>
  );
}
