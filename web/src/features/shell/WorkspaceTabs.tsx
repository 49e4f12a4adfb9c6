import { useRef, type KeyboardEvent } from 'react';
import { navigate, projectHref, toolHref, type ToolTab } from './route';
import { useStrings } from '../../i18n/catalog';
import { shellStrings } from './strings';

/** Each tab's name in the catalogue (the page title of a tool says it too). */
export const TAB_LABEL = { chat: 'tabChat', terminal: 'tabTerminal', files: 'tabFiles', git: 'tabGit' } as const satisfies
  Record<'chat' | ToolTab, keyof typeof shellStrings.en>;

const TABS: ('chat' | ToolTab)[] = ['chat', 'terminal', 'files', 'git'];

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
  const t = useStrings(shellStrings);
  const go = (id: 'chat' | ToolTab) => navigate(id === 'chat' ? chatHref ?? projectHref(projectId) : toolHref(projectId, id));

  function onKey(e: KeyboardEvent, i: number) {
    const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const j = (next + TABS.length) % TABS.length;
    refs.current[j]?.focus();
    go(TABS[j]);
  }

  return (
    <div className="tabs" role="tablist" aria-label={projectName ? t.viewsOf(projectName) : t.projectViews}>
      {projectName && <a className="tabs-project" href={projectHref(projectId)} title={projectName}>{projectName}</a>}
      {TABS.map((id, i) => (
        <button key={id} ref={(el) => { refs.current[i] = el; }} type="button" role="tab" className="tab"
          id={`tab-${id}`} aria-selected={current === id} aria-controls={tabPanelId} tabIndex={current === id ? 0 : -1}
          onClick={() => go(id)} onKeyDown={(e) => onKey(e, i)}>
          {t[TAB_LABEL[id]]}
        </button>
      ))}
    </div>
  );
}
