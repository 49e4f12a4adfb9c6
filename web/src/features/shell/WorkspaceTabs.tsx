import { useRef, type KeyboardEvent } from 'react';
import { navigate, projectHref, toolHref, type ToolTab } from './route';

const TABS: { id: 'chat' | ToolTab; label: string }[] = [
  { id: 'chat', label: 'Chat' },
  { id: 'terminal', label: 'Terminal' },
  { id: 'files', label: 'Files' },
  { id: 'git', label: 'Git' },
];

export const tabPanelId = 'workspace-panel';

/**
 * The tabs of a project: the chat history and the workspace tools, each with its own hash route
 * (`#/p/{id}`, `#/p/{id}/terminal|files|git`). Arrow keys move between them (WAI-ARIA tabs).
 */
export function WorkspaceTabs({ projectId, current, chatHref, projectName }: {
  projectId: string;
  current: 'chat' | ToolTab;
  /** Where "Chat" leads: the open session, or the project's home. */
  chatHref?: string;
  /** Shown before the tabs where the page has no room for the project's header (phones). */
  projectName?: string;
}) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const go = (id: 'chat' | ToolTab) => navigate(id === 'chat' ? chatHref ?? projectHref(projectId) : toolHref(projectId, id));

  function onKey(e: KeyboardEvent, i: number) {
    const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const j = (next + TABS.length) % TABS.length;
    refs.current[j]?.focus();
    go(TABS[j].id);
  }

  return (
    <div className="tabs" role="tablist" aria-label={projectName ? `Views of ${projectName}` : 'Project views'}>
      {projectName && <a className="tabs-project" href={projectHref(projectId)} title={projectName}>{projectName}</a>}
      {TABS.map((t, i) => (
        <button key={t.id} ref={(el) => { refs.current[i] = el; }} type="button" role="tab" className="tab"
          id={`tab-${t.id}`} aria-selected={current === t.id} aria-controls={tabPanelId} tabIndex={current === t.id ? 0 : -1}
          onClick={() => go(t.id)} onKeyDown={(e) => onKey(e, i)}>
          {t.label}
        </button>
      ))}
    </div>
  );
}
