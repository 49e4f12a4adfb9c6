import type { Pair } from './mcpForm';
import { useStrings } from '../../i18n/catalog';
import { mcpStrings, type PairKind } from './strings';

let nextKey = 1;
export const newPair = (): Pair => ({ key: nextKey++, name: '', value: '' });

/**
 * name=value rows for environment variables or headers. The value is a secret: typed into a password
 * input, sent once, never read back (the server answers names only).
 */
export function PairRows({ legend, kind, rows, onChange, invalid, errorId }: {
  legend: string;
  /** Variables or headers, for the labels and the buttons. */
  kind: PairKind;
  rows: Pair[];
  onChange: (rows: Pair[]) => void;
  invalid: boolean;
  errorId: string;
}) {
  const t = useStrings(mcpStrings);
  const set = (key: number, change: Partial<Pair>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...change } : r)));
  return (
    <fieldset className="mcp-pairs" aria-describedby={invalid ? errorId : undefined}>
      <legend>{legend}</legend>
      {rows.length === 0 && <p className="muted small-text">{t.noPairs}</p>}
      {rows.map((r, i) => (
        <div className="mcp-pair" key={r.key}>
          <input aria-label={t.pairName(kind, i + 1)} value={r.name} placeholder={'NAME'} spellCheck={false}
            autoComplete="off" maxLength={128} aria-invalid={invalid || undefined}
            onChange={(e) => set(r.key, { name: e.target.value })} />
          <span aria-hidden="true">=</span>
          <input type="password" aria-label={t.pairValue(kind, i + 1)} value={r.value} placeholder={t.valuePlaceholder}
            autoComplete="new-password" spellCheck={false} maxLength={8192}
            onChange={(e) => set(r.key, { value: e.target.value })} />
          <button type="button" className="small" aria-label={t.pairRemove(kind, i + 1)}
            onClick={() => onChange(rows.filter((o) => o.key !== r.key))}>✕</button>
        </div>
      ))}
      <button type="button" className="small" onClick={() => onChange([...rows, newPair()])}>{t.pairAdd(kind)}</button>
    </fieldset>
  );
}
