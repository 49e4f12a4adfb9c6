/**
 * What is typed in a chat's composer survives a reload of the tab (sessionStorage: per tab, gone
 * when it closes). Storage can be unavailable (privacy modes, quota): then drafts just aren't kept.
 */
function draftKey(projectId: string, sessionId: string | null): string {
  return sessionId ? `ccui.draft.s.${sessionId}` : `ccui.draft.new.${projectId}`;
}

export function readDraft(projectId: string, sessionId: string | null): string {
  try {
    return window.sessionStorage.getItem(draftKey(projectId, sessionId)) ?? '';
  } catch {
    return '';
  }
}

export function saveDraft(projectId: string, sessionId: string | null, text: string): void {
  try {
    const key = draftKey(projectId, sessionId);
    if (text) window.sessionStorage.setItem(key, text);
    else window.sessionStorage.removeItem(key);
  } catch {
    // not kept: nothing else to do
  }
}
