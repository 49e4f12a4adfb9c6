import { useState } from 'react';
import { ApiError, errorMessage } from '../../api/client';
import { addPermissionRule } from '../../api/permissionRules';
import { Diff } from '../messages/Diff';
import { decidedText, useDecision, type PermissionItem } from './decision';
import { useChatProject } from './projectContext';
import { useStrings } from '../../i18n/catalog';
import { chatStrings } from './strings';

const str = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : JSON.stringify(v, null, 2));

/** What the tool is about to do, in the form people check before allowing it. */
function ToolInput({ tool, input }: { tool: string; input: Record<string, unknown> }) {
  if (tool === 'Bash') {
    return <pre className="command"><span className="prompt" aria-hidden="true">$ </span>{str(input.command)}</pre>;
  }
  if ((tool === 'Write' || tool === 'Edit' || tool === 'MultiEdit' || tool === 'Read') && input.file_path) {
    const path = str(input.file_path);
    return (
      <>
        <p className="mono file-path">{path}</p>
        {tool === 'Write' && <Diff path={path} oldText="" newText={str(input.content)} />}
        {tool === 'Edit' && <Diff path={path} oldText={str(input.old_string)} newText={str(input.new_string)} />}
      </>
    );
  }
  const json = Object.keys(input).length ? JSON.stringify(input, null, 2) : null;
  return json ? <pre className="tool-input">{json}</pre> : null;
}

/** A rule in the CLI's syntax, as the server takes it (no parentheses or control characters inside). */
// eslint-disable-next-line no-control-regex -- the server refuses control characters: so does the button
const RULE = /^[A-Za-z][A-Za-z0-9_-]{0,99}(\([^()\u0000-\u001f\u007f]{0,200}\))?$/;

/** The allow rules the CLI suggests for this call (its `permission_suggestions` of type addRules). */
export function suggestedRules(suggestions: unknown[] | undefined): string[] {
  const rules: string[] = [];
  for (const s of suggestions ?? []) {
    const suggestion = s as { type?: string; behavior?: string; rules?: { toolName?: string; ruleContent?: string }[] };
    if (suggestion.type !== 'addRules' || suggestion.behavior !== 'allow') continue;
    for (const r of suggestion.rules ?? []) {
      if (!r.toolName) continue;
      const rule = r.ruleContent ? `${r.toolName}(${r.ruleContent})` : r.toolName;
      if (RULE.test(rule) && !rules.includes(rule)) rules.push(rule);
    }
  }
  return rules;
}

/**
 * A tool call waiting for a person: Allow, Deny, or Always allow (remembered for this tool in
 * this session). The first decision wins everywhere; the card then says who decided.
 */
export function PermissionCard({ item }: { item: PermissionItem }) {
  const t = useStrings(chatStrings);
  const { busy, error, decide: send } = useDecision(item);
  const { request, resolved } = item;
  const name = request.displayName || request.toolName;
  const decide = (decision: 'allow' | 'deny', remember: boolean) => send({ decision, remember });
  const projectId = useChatProject();
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const suggested = projectId ? suggestedRules(request.suggestions) : [];

  /** Saves the rule for the project (for the caller's own runs when they may not change the project's), then allows. */
  async function allowAndSave(rule: string) {
    if (!projectId) return;
    setSaving(true);
    setSaveError(null);
    try {
      try {
        await addPermissionRule(projectId, { behavior: 'allow', rule, scope: 'project' });
      } catch (err) {
        if (!(err instanceof ApiError && err.status === 403)) throw err;
        await addPermissionRule(projectId, { behavior: 'allow', rule, scope: 'personal' });
      }
      await decide('allow', false);
    } catch (err) {
      setSaveError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className={`permission-card${resolved ? ` decided decided-${resolved.decision}` : ''}`} role="region"
      aria-label={t.permissionRequest}>
      <header className="permission-head">
        <strong>{resolved ? t.permission : t.claudeWantsToUse} <span className="mono">{name}</span></strong>
        {request.description && <span className="muted">{request.description}</span>}
      </header>
      {request.blockedPath && <p className="small-text">{t.path} <span className="mono">{request.blockedPath}</span></p>}
      {!resolved && (
        <p className="permission-why small-text muted">
          {t.whyAsked(Boolean(request.blockedPath))}
        </p>
      )}
      {/* Once decided, the tool's own card shows what it did: the input is not repeated here. */}
      {!resolved && <ToolInput tool={request.toolName} input={request.input ?? {}} />}
      {resolved ? (
        <p className="permission-decision" role="status">
          {decidedText(item, { allow: t.allowed, deny: t.denied })}
          {resolved.message ? `: ${resolved.message}` : ''}
        </p>
      ) : (
        <div className="permission-actions">
          <button type="button" className="primary" disabled={busy} onClick={() => void decide('allow', false)}
            aria-keyshortcuts="Alt+A">{t.allow}</button>
          <button type="button" disabled={busy} onClick={() => void decide('allow', true)} aria-keyshortcuts="Alt+Shift+A"
            title={t.alwaysAllowTitle(request.toolName)}>{t.alwaysAllow}</button>
          {suggested.map((rule) => (
            <button key={rule} type="button" disabled={busy || saving} onClick={() => void allowAndSave(rule)}
              title={t.allowAndSaveTitle}>
              {t.allowAndSaveRule} <code>{rule}</code>
            </button>
          ))}
          <button type="button" className="danger" disabled={busy} onClick={() => void decide('deny', false)}
            aria-keyshortcuts="Alt+X">{t.deny}</button>
        </div>
      )}
      {(error || saveError) && <p className="error" role="alert">{error ?? saveError}</p>}
    </section>
  );
}
