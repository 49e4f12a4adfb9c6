import { useEffect, useRef } from 'react';

const SHORTCUTS: [keys: string[][], what: string][] = [
  [[['Enter'], ['Ctrl', 'Enter'], ['⌘', 'Enter']], 'Send the message (in the composer)'],
  [[['Shift', 'Enter']], 'New line in the message'],
  [[['Esc']], 'Interrupt Claude (in the composer, while it works); close lists and dialogs'],
  [[['↑'], ['↓'], ['Tab']], 'Move through and pick a suggestion after / or @'],
  [[['Alt', 'N']], 'New session in the current project'],
  [[['/'], ['Ctrl', 'K']], 'Search all sessions'],
  [[['?']], 'Show this help'],
];

/** The keyboard shortcuts of the app, opened with "?" or the keyboard button of the top bar. */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => {
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
  return (
    <div className="modal-backdrop" onMouseDown={(e) => { if (e.target === e.currentTarget) onClose(); }}>
      <div className="modal card" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title">
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
