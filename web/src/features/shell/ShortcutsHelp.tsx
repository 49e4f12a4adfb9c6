/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import { useEffect, useRef, type KeyboardEvent } from 'react';

const SHORTCUTS: [keys: string[][], what: string][] = [
  [[['Enter'], ['Ctrl', 'Enter'], ['⌘', 'Enter']], 'Send the message (in the composer)'],
  [[['Shift', 'Enter']], 'New line in the message'],
  [[['Esc']], 'Interrupt Claude (in the composer, while it works); close lists and dialogs'],
  [[['↑'], ['↓'], ['Tab']], 'Move through and pick a suggestion after / or @'],
  [[['Alt', 'C']], 'Go to the composer'],
  [[['Alt', 'A']], 'Allow the tool call waiting for approval in this chat'],
  [[['Alt', 'Shift', 'A']], 'Always allow that tool in this session'],
  [[['Alt', 'X']], 'Deny the tool call waiting for approval'],
  [[['Alt', '↓'], ['Alt', '↑']], 'Next or previous session of the list'],
  [[['Home'], ['End']], 'Start or end of the session (in the conversation)'],
  [[['PgUp'], ['PgDn']], 'Scroll the conversation a screen'],
  [[['N'], ['Shift', 'N']], 'Next or previous match, when a session is opened from a search'],
  [[['Alt', 'N']], 'New session in the current project'],
  [[['/'], ['Ctrl', 'K']], 'Search all sessions'],
  [[['?']], 'Show this help'],
];

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * The keyboard shortcuts of the app, opened with "?" or the keyboard button of the top bar. A
 * modal: Tab and Shift+Tab stay inside it, Escape closes it and focus goes back where it was.
 */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    close.current?.focus();
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        onClose();
      }
    };
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      previous?.focus?.();
    };
  }, [onClose]);

  function trap(e: KeyboardEvent) {
    if (e.key !== 'Tab' || !dialog.current) return;
    const items = Array.from(dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE));
    if (items.length === 0) return;
    const first = items[0];
    const last = items[items.length - 1];
    if (e.shiftKey && (document.activeElement === first || !dialog.current.contains(document.activeElement))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  }

  return (
    <div className="modal-backdrop" onMouseDown={(e) => { if (e.target === e.currentTarget) onClose(); }}>
      <div ref={dialog} className="modal card shortcuts-dialog" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title"
        onKeyDown={trap}>
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <dl className="shortcuts">
          {SHORTCUTS.map(([combos, what]) => (
            <div key={what}>
              <dt>
                {combos.map((keys, i) => (
                  <span key={i}>
                    {i > 0 && <span className="muted"> or </span>}
                    {keys.map((k, j) => <span key={j}>{j > 0 && '+'}<kbd>{k}</kbd></span>)}
                  </span>
                ))}
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <button ref={close} type="button" className="primary" onClick={onClose}>Close</button>
      </div>
    </div>
  );
}
