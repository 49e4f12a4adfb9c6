import { useState, type ReactNode } from 'react';
import { useStrings } from '../../i18n/catalog';
import { messagesStrings } from './strings';

/** How many lines of a tool's output or a diff show before "Show all". */
export const COLLAPSED_LINES = 12;

/**
 * Text of many lines (`what` names it, as a label: "Output") shown as its first few, with a button for the rest: long outputs and
 * diffs otherwise push the conversation off the screen.
 */
export function CollapsedText({ text, render, what }: { text: string; render: (shown: string) => ReactNode; what: string }) {
  const [open, setOpen] = useState(false);
  const t = useStrings(messagesStrings);
  const lines = text.split('\n');
  const long = lines.length > COLLAPSED_LINES + 3;
  const shown = !long || open ? text : lines.slice(0, COLLAPSED_LINES).join('\n');
  return (
    <>
      {render(shown)}
      {long && (
        <button type="button" className="link expand" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? t.showFewerLines(what) : t.showAllLines(lines.length, what)}
        </button>
      )}
    </>
  );
}
