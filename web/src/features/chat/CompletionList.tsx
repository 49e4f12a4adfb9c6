import type { Suggestion } from './completion';

/** The suggestions under the composer (WAI-ARIA listbox; the textarea keeps focus and points at the active option). */
export function CompletionList({ id, label, items, active, onPick }: {
  id: string;
  label: string;
  items: Suggestion[];
  active: number;
  onPick: (s: Suggestion) => void;
}) {
  return (
    <ul id={id} role="listbox" aria-label={label} className="completion">
      {items.map((s, i) => (
        <li key={s.value} id={`${id}-${i}`} role="option" aria-selected={i === active} className={i === active ? 'active' : undefined}
          // mousedown, not click: the textarea must not lose focus (and the list close) first
          onMouseDown={(e) => { e.preventDefault(); onPick(s); }}>
          <span className="mono">{s.label}</span>
          {s.detail && <span className="muted small-text"> {s.detail}</span>}
        </li>
      ))}
    </ul>
  );
}
