import { useEffect, useSyncExternalStore } from 'react';
import { stringsNow } from '../../i18n/catalog';
import { shellStrings } from './strings';

/**
 * What the browser tab says: the page shown (a session's title, a project's name) and, before it,
 * how many tool calls wait for an approval, so a waiting run is seen from another tab.
 */
let current: string | null = null;
const listeners = new Set<() => void>();

function set(title: string | null) {
  if (title === current) return;
  current = title;
  listeners.forEach((l) => l());
}

/** Names the page in the tab's title while the calling component is shown. */
export function usePageTitle(title: string | null | undefined): void {
  useEffect(() => {
    if (!title) return;
    set(title);
    return () => set(null);
  }, [title]);
}

export function useShownPageTitle(): string | null {
  return useSyncExternalStore((l) => {
    listeners.add(l);
    return () => listeners.delete(l);
  }, () => current);
}

export const APP_NAME = 'Claude Code UI';

export function tabTitle(page: string | null, approvals: number): string {
  const waiting = approvals === 0 ? '' : `${stringsNow(shellStrings).approvalsNeeded(approvals)} · `;
  return `${waiting}${page ? `${page} — ` : ''}${APP_NAME}`;
}
