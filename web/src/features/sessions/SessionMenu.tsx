import { useEffect, useId, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { exportUrl } from '../../api/client';
import type { ChatSession } from '../../api/types';
import { resumeInShellHref } from '../shell/route';
import { SessionFacts } from './SessionFacts';
import { useStrings } from '../../i18n/catalog';
import { sessionsStrings } from './strings';

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
  const t = useStrings(sessionsStrings);

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
        aria-label={t.moreActions} onClick={() => setOpen((o) => !o)}>
        <span aria-hidden="true">⋯</span>
      </button>
      {open && (
        <ul id={id} role="menu" aria-label={t.sessionActions} className="menu" onKeyDown={onMenuKey}>
          {/* A phone's header has no room for them: the figures are here. */}
          <li role="none" className="menu-label phone-only"><SessionFacts session={session} /></li>
          <li role="none">
            <a role="menuitem" href={resumeInShellHref(session.projectId, session.id)} onClick={() => setOpen(false)}
              title={t.continueInShellTitle}>{t.continueInShell}</a>
          </li>
          <li role="none">
            <a role="menuitem" href={exportUrl(session.id, 'markdown')} download onClick={() => setOpen(false)}>{t.exportMarkdown}</a>
          </li>
          <li role="none">
            <a role="menuitem" href={exportUrl(session.id, 'json')} download onClick={() => setOpen(false)}>{t.exportJson}</a>
          </li>
          <li role="none">
            <button type="button" role="menuitemcheckbox" aria-checked={showHidden} onClick={() => { onShowHidden(!showHidden); setOpen(false); }}>
              {t.showSystemMessages}
            </button>
          </li>
          <li role="none">
            <button type="button" role="menuitem" onClick={() => { setOpen(false); onHide(); }}>{t.hideSession}</button>
          </li>
        </ul>
      )}
    </div>
  );
}
