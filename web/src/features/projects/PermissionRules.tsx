/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import { useCallback, useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/client';
import {
  addAccountPermissionRule, addPermissionRule, getAccountPermissionRules, getPermissionRules, removeAccountPermissionRule,
  removePermissionRule, type PermissionRule,
} from '../../api/permissionRules';
import { ErrorMessage } from '../shared';
import { useAction } from '../useAction';
import { useLoad } from '../useLoad';

/** Where a list of rules lives: a project's (with the caller's personal ones there) or the caller's own account. */
type RuleSource = {
  load: () => Promise<{ items: PermissionRule[]; canEditProject: boolean }>;
  add: (body: { behavior: 'allow' | 'deny'; rule: string; personal: boolean }) => Promise<unknown>;
  remove: (ruleId: string) => Promise<unknown>;
};

const SCOPE_TEXT: Record<PermissionRule['scope'], string> = {
  project: 'everyone',
  personal: 'only my runs',
  account: 'all my projects',
};

function RulesEditor({ source, label, formLabel, heading, intro }: {
  source: RuleSource; label: string; formLabel: string; heading: string; intro: string;
}) {
  const [rules, setRules] = useState<{ items: PermissionRule[]; canEditProject: boolean } | null>(null);
  const [rule, setRule] = useState('');
  const [behavior, setBehavior] = useState<'allow' | 'deny'>('allow');
  const [personal, setPersonal] = useState(false);
  const { busy, error, setError, run } = useAction();
  const ruleId = useId();
  const { load: loadRules } = source;

  const load = useCallback(async () => {
    try {
      const loaded = await loadRules();
      setRules(loaded);
      if (!loaded.canEditProject) setPersonal(true);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [loadRules, setError]);

  useLoad(load);

  async function add(e: FormEvent) {
    e.preventDefault();
    const text = rule.trim();
    if (!text) return setError('Enter a rule such as Bash(npm test:*), Read or Edit(src/**).');
    await run(async () => {
      await source.add({ behavior, rule: text, personal });
      setRule('');
      await load();
    });
  }

  async function remove(id: string) {
    await run(async () => {
      await source.remove(id);
      await load();
    });
  }

  return (
    <section className="permission-rules" aria-label={label}>
      <h3 className="small-heading">{heading}</h3>
      <p className="muted small-text">{intro}</p>
      {!rules && !error && <p className="muted small-text" role="status">Loading…</p>}
      {rules && (
        <ul className="rules" aria-label="Saved rules">
          {rules.items.map((r) => (
            <li key={r.id}>
              <span className={`badge ${r.behavior}`}>{r.behavior === 'allow' ? 'Allow' : 'Deny'}</span>{' '}
              <code>{r.rule}</code>{' '}
              <span className="muted small-text">{SCOPE_TEXT[r.scope]}</span>
              {(r.scope !== 'project' || rules.canEditProject) && (
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
        <form className="row" onSubmit={add} noValidate aria-label={formLabel}>
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

/**
 * The saved allow and deny rules of a project, from its menu: every run there starts with them (the CLI's
 * --allowedTools / --disallowedTools). The owner and admins change the project's rules; everyone keeps
 * personal ones for their own runs.
 */
export function PermissionRules({ projectId, projectName }: { projectId: string; projectName: string }) {
  const load = useCallback(() => getPermissionRules(projectId), [projectId]);
  const source: RuleSource = {
    load,
    add: ({ behavior, rule, personal }) => addPermissionRule(projectId, { behavior, rule, scope: personal ? 'personal' : 'project' }),
    remove: (id) => removePermissionRule(projectId, id),
  };
  return (
    <RulesEditor source={source} label={`Permission rules of ${projectName}`} formLabel={`Add a permission rule to ${projectName}`}
      heading="Permission rules"
      intro="Every run in this project starts with these: allowed tools run without asking, denied ones are refused." />
  );
}

const loadAccountRules = async () => ({ items: (await getAccountPermissionRules()).items, canEditProject: false });

/**
 * The caller's own rules, from the user menu: every run they start, in any project, gets them with that
 * project's rules (a deny in either wins).
 */
export function AccountPermissionRules() {
  const source: RuleSource = {
    load: loadAccountRules,
    add: ({ behavior, rule }) => addAccountPermissionRule({ behavior, rule }),
    remove: removeAccountPermissionRule,
  };
  return (
    <RulesEditor source={source} label="My permission rules" formLabel="Add one of my permission rules"
      heading="My permission rules"
      intro="Every run you start, in any project, starts with these and the project's own rules: allowed tools run without asking, denied ones are refused (a deny anywhere wins)." />
  );
}
