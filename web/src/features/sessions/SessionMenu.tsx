/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import { useEffect, useId, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { exportUrl } from '../../api/client';
import type { ChatSession } from '../../api/types';
import { resumeInShellHref } from '../shell/route';
import { SessionFacts } from './SessionFacts';

/** The session's secondary actions, out of the way of the conversation: export, hide, system messages. */
export function SessionMenu({ session, showHidden, onShowHidden, onHide }: {
  session: ChatSession;
  showHidden: boolean;
  onShowHidden: (show: boolean) => void;
  onHide: () => void;
}) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey, true);
    root.current?.querySelector<HTMLElement>('[role^="menuitem"]')?.focus();
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey, true);
    };
  }, [open]);

  function onMenuKey(e: ReactKeyboardEvent) {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const items = Array.from(root.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? []);
    const i = items.indexOf(document.activeElement as HTMLElement);
    items[(i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
  }

  return (
    <div className="session-menu" ref={root}>
      <button ref={button} type="button" className="icon" aria-haspopup="menu" aria-expanded={open} aria-controls={id}
        aria-label="More actions for this session" onClick={() => setOpen((o) => !o)}>
        <span aria-hidden="true">⋯</span>
      </button>
      {open && (
        <ul id={id} role="menu" aria-label="Session actions" className="menu" onKeyDown={onMenuKey}>
          {/* A phone's header has no room for them: the figures are here. */}
          <li role="none" className="menu-label phone-only"><SessionFacts session={session} /></li>
          <li role="none">
            <a role="menuitem" href={resumeInShellHref(session.projectId, session.id)} onClick={() => setOpen(false)}
              title="Open the project's web shell running claude --resume on this session">Continue in shell</a>
          </li>
          <li role="none">
            <a role="menuitem" href={exportUrl(session.id, 'markdown')} download onClick={() => setOpen(false)}>Export Markdown</a>
          </li>
          <li role="none">
            <a role="menuitem" href={exportUrl(session.id, 'json')} download onClick={() => setOpen(false)}>Export JSON</a>
          </li>
          <li role="none">
            <button type="button" role="menuitemcheckbox" aria-checked={showHidden} onClick={() => { onShowHidden(!showHidden); setOpen(false); }}>
              Show system messages
            </button>
          </li>
          <li role="none">
            <button type="button" role="menuitem" onClick={() => { setOpen(false); onHide(); }}>Hide this session</button>
          </li>
        </ul>
      )}
    </div>
  );
}
