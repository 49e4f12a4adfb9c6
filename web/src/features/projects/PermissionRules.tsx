import { useCallback, useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/client';
import {
  addAccountPermissionRule, addPermissionRule, getAccountPermissionRules, getPermissionRules, removeAccountPermissionRule,
  removePermissionRule, type PermissionRule,
} from '../../api/permissionRules';
import { useStrings } from '../../i18n/catalog';
import { ErrorMessage } from '../shared';
import { useAction } from '../useAction';
import { useLoad } from '../useLoad';
import { rulesStrings } from './PermissionRules.strings';

/** Where a list of rules lives: a project's (with the caller's personal ones there) or the caller's own account. */
type RuleSource = {
  load: () => Promise<{ items: PermissionRule[]; canEditProject: boolean }>;
  add: (body: { behavior: 'allow' | 'deny'; rule: string; personal: boolean }) => Promise<unknown>;
  remove: (ruleId: string) => Promise<unknown>;
};

const SCOPE_KEY = { project: 'scopeProject', personal: 'scopePersonal', account: 'scopeAccount' } as const satisfies Record<PermissionRule['scope'], string>;

function RulesEditor({ source, label, formLabel, heading, intro }: {
  source: RuleSource; label: string; formLabel: string; heading: string; intro: string;
}) {
  const t = useStrings(rulesStrings);
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
    if (!text) return setError(t.enterRule);
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
      {!rules && !error && <p className="muted small-text" role="status">{t.loading}</p>}
      {rules && (
        <ul className="rules" aria-label={t.savedRules}>
          {rules.items.map((r) => (
            <li key={r.id}>
              <span className={`badge ${r.behavior}`}>{r.behavior === 'allow' ? t.allow : t.deny}</span>{' '}
              <code>{r.rule}</code>{' '}
              <span className="muted small-text">{t[SCOPE_KEY[r.scope]]}</span>
              {(r.scope !== 'project' || rules.canEditProject) && (
                <button type="button" className="small" disabled={busy} aria-label={t.removeRule(r.behavior, r.rule)}
                  onClick={() => void remove(r.id)}>
                  {t.remove}
                </button>
              )}
            </li>
          ))}
          {rules.items.length === 0 && <li className="muted small-text">{t.noRules}</li>}
        </ul>
      )}
      {rules && (
        <form className="row" onSubmit={add} noValidate aria-label={formLabel}>
          <select aria-label={t.allowOrDeny} value={behavior} onChange={(e) => setBehavior(e.target.value === 'deny' ? 'deny' : 'allow')}>
            <option value="allow">{t.allow}</option>
            <option value="deny">{t.deny}</option>
          </select>
          <label htmlFor={ruleId} className="sr-only">{t.rule}</label>
          <input id={ruleId} value={rule} onChange={(e) => setRule(e.target.value)} placeholder={'Bash(npm test:*)'}
            autoComplete="off" spellCheck={false} maxLength={302} className="mono" />
          {rules.canEditProject && (
            <label className="inline-field">
              <input type="checkbox" checked={personal} onChange={(e) => setPersonal(e.target.checked)} /> {t.onlyMyRuns}
            </label>
          )}
          <button type="submit" disabled={busy}>{t.saveRule}</button>
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
  const t = useStrings(rulesStrings);
  return (
    <RulesEditor source={source} label={t.rulesOf(projectName)} formLabel={t.addRuleTo(projectName)}
      heading={t.permissionRules} intro={t.projectIntro} />
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
  const t = useStrings(rulesStrings);
  return (
    <RulesEditor source={source} label={t.myRules} formLabel={t.addMyRule} heading={t.myRules} intro={t.accountIntro} />
  );
}
