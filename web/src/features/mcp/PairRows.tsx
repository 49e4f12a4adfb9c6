/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import type { Pair } from './mcpForm';

let nextKey = 1;
export const newPair = (): Pair => ({ key: nextKey++, name: '', value: '' });

/**
 * name=value rows for environment variables or headers. The value is a secret: typed into a password
 * input, sent once, never read back (the server answers names only).
 */
export function PairRows({ legend, what, rows, onChange, invalid, errorId }: {
  legend: string;
  /** "variable" or "header", for the labels and the buttons. */
  what: string;
  rows: Pair[];
  onChange: (rows: Pair[]) => void;
  invalid: boolean;
  errorId: string;
}) {
  const set = (key: number, change: Partial<Pair>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...change } : r)));
  return (
    <fieldset className="mcp-pairs" aria-describedby={invalid ? errorId : undefined}>
      <legend>{legend}</legend>
      {rows.length === 0 && <p className="muted small-text">None.</p>}
      {rows.map((r, i) => (
        <div className="mcp-pair" key={r.key}>
          <input aria-label={`Name of ${what} ${i + 1}`} value={r.name} placeholder="NAME" spellCheck={false}
            autoComplete="off" maxLength={128} aria-invalid={invalid || undefined}
            onChange={(e) => set(r.key, { name: e.target.value })} />
          <span aria-hidden="true">=</span>
          <input type="password" aria-label={`Value of ${what} ${i + 1}`} value={r.value} placeholder="value"
            autoComplete="new-password" spellCheck={false} maxLength={8192}
            onChange={(e) => set(r.key, { value: e.target.value })} />
          <button type="button" className="small" aria-label={`Remove ${what} ${i + 1}`}
            onClick={() => onChange(rows.filter((o) => o.key !== r.key))}>✕</button>
        </div>
      ))}
      <button type="button" className="small" onClick={() => onChange([...rows, newPair()])}>Add {what}</button>
    </fieldset>
  );
}
