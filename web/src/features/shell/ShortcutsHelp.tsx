import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useStrings } from '../../i18n/catalog';
import { shellStrings } from './strings';

type ShellWords = typeof shellStrings.en;

/** Key names stay as printed on keyboards; what they do is in the catalogue. */
const SHORTCUTS: [keys: string[][], what: keyof ShellWords & `key${string}`][] = [
  [[['Enter'], ['Ctrl', 'Enter'], ['⌘', 'Enter']], 'keySend'],
  [[['Shift', 'Enter']], 'keyNewLine'],
  [[['Esc']], 'keyEscape'],
  [[['↑'], ['↓'], ['Tab']], 'keySuggestions'],
  [[['Alt', 'C']], 'keyComposer'],
  [[['Alt', 'A']], 'keyAllow'],
  [[['Alt', 'Shift', 'A']], 'keyAlwaysAllow'],
  [[['Alt', 'X']], 'keyDeny'],
  [[['Alt', '↓'], ['Alt', '↑']], 'keySessions'],
  [[['Home'], ['End']], 'keyStartEnd'],
  [[['PgUp'], ['PgDn']], 'keyScroll'],
  [[['N'], ['Shift', 'N']], 'keyMatches'],
  [[['Alt', 'N']], 'keyNewSession'],
  [[['/'], ['Ctrl', 'K']], 'keySearch'],
  [[['?']], 'keyHelp'],
];

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * The keyboard shortcuts of the app, opened with "?" or the keyboard button of the top bar. A
 * modal: Tab and Shift+Tab stay inside it, Escape closes it and focus goes back where it was.
 */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const t = useStrings(shellStrings);
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
        <h2 id="shortcuts-title">{t.keyboardShortcuts}</h2>
        <dl className="shortcuts">
          {SHORTCUTS.map(([combos, what]) => (
            <div key={what}>
              <dt>
                {combos.map((keys, i) => (
                  <span key={i}>
                    {i > 0 && <span className="muted"> {t.or} </span>}
                    {keys.map((k, j) => <span key={j}>{j > 0 && '+'}<kbd>{k}</kbd></span>)}
                  </span>
                ))}
              </dt>
              <dd>{t[what]}</dd>
            </div>
          ))}
        </dl>
        <button ref={close} type="button" className="primary" onClick={onClose}>{t.close}</button>
      </div>
    </div>
  );
}
