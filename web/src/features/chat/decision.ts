import { useState } from 'react';
import { errorMessage } from '../../api/client';
import type { Decision } from '../../api/runs';
import { useChatStore } from './ChatContext';
import type { TurnItem } from './turns';
import { stringsNow } from '../../i18n/catalog';
import { chatStrings } from './strings';

export type PermissionItem = Extract<TurnItem, { type: 'permission' }>;

/** Sends one answer to a pending request; buttons stay disabled until it fails (then they come back with the reason). */
export function useDecision(item: PermissionItem) {
  const store = useChatStore();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function decide(decision: Decision) {
    if (!store) return;
    setBusy(true);
    setError(null);
    try {
      await store.decide(item.runId, item.id, decision);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return { busy, error, decide };
}

/** Who settled the request, in the card's own words for allow and deny ("Approved", "Sent back", …). */
export function decidedText(item: PermissionItem, verbs: { allow: string; deny: string }): string {
  const r = item.resolved!;
  const verb = r.decision === 'allow' ? verbs.allow : verbs.deny;
  const t = stringsNow(chatStrings);
  switch (r.decidedBy) {
    case 'timeout':
      return t.decidedTimeout(verb);
    case 'session_rule':
      return t.decidedBySessionRule(verb);
    case 'cli':
      return t.decidedByCli(verb);
    default:
      return t.decidedBy(verb, r.decidedBy);
  }
}
