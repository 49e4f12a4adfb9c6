/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import { useCallback, useState } from 'react';
import { errorMessage, getUsage, usageCsvUrl } from '../../api/client';
import type { UsageGroup, UsageReport } from '../../api/types';
import { ErrorMessage } from '../shared';
import { useLoad } from '../useLoad';
import { daysBefore, formatMetric, type Metric } from './chart';
import { UsageChart } from './UsageChart';

const GROUPS: { value: UsageGroup; label: string }[] = [
  { value: 'project', label: 'Project' },
  { value: 'model', label: 'Model' },
  { value: 'user', label: 'User' },
  { value: 'day', label: 'Day' },
];

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Tokens and cost: a chart per day and a table by project, model, user or day, with a CSV export. */
export function UsagePage({ isAdmin }: { isAdmin: boolean }) {
  const [to, setTo] = useState(today);
  const [from, setFrom] = useState(() => daysBefore(today(), 29));
  const [groupBy, setGroupBy] = useState<UsageGroup>('project');
  const [metric, setMetric] = useState<Metric>('cost');
  const [days, setDays] = useState<UsageReport | null>(null);
  const [table, setTable] = useState<UsageReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      const [byDay, byGroup] = await Promise.all([
        getUsage(from, to, 'day'),
        groupBy === 'day' ? null : getUsage(from, to, groupBy),
      ]);
      setDays(byDay);
      setTable(byGroup ?? byDay);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [from, to, groupBy]);
  useLoad(load);

  const group = GROUPS.find((g) => g.value === groupBy)?.label ?? 'Group';
  return (
    <section className="card" aria-labelledby="usage-title">
      <h2 id="usage-title">Usage</h2>
      <p className="muted">
        Tokens and cost of {isAdmin ? 'every project' : 'your projects'}: turns run here, and sessions run outside the app
        (counted on their last day).
      </p>
      <div className="usage-controls">
        <label>From <input type="date" value={from} max={to} onChange={(e) => e.target.value && setFrom(e.target.value)} /></label>
        <label>To <input type="date" value={to} min={from} onChange={(e) => e.target.value && setTo(e.target.value)} /></label>
        <label>By <select value={groupBy} onChange={(e) => setGroupBy(e.target.value as UsageGroup)}>
          {GROUPS.map((g) => <option key={g.value} value={g.value}>{g.label}</option>)}
        </select></label>
        <label>Show <select value={metric} onChange={(e) => setMetric(e.target.value as Metric)}>
          <option value="cost">Cost</option>
          <option value="tokens">Tokens</option>
        </select></label>
        <a className="button" href={usageCsvUrl(from, to, groupBy)} download>Export CSV</a>
      </div>
      <ErrorMessage message={error} />
      {days === null || table === null ? (
        <p className="muted">Loading…</p>
      ) : (
        <>
          <UsageChart from={days.from} to={days.to} rows={days.items} metric={metric} />
          <p>
            Total: <strong>{formatMetric(days.total.costUsd, 'cost')}</strong>, {formatMetric(days.total.inputTokens, 'tokens')} tokens in,
            {' '}{formatMetric(days.total.outputTokens, 'tokens')} out, {days.total.turns} turns
          </p>
          {table.items.length === 0 ? (
            <p className="muted">Nothing in this period.</p>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr><th scope="col">{group}</th><th scope="col">Input tokens</th><th scope="col">Output tokens</th><th scope="col">Cost</th><th scope="col">Turns</th></tr>
                </thead>
                <tbody>
                  {table.items.map((r) => (
                    <tr key={r.key || r.label}>
                      <td>{r.label}</td>
                      <td>{r.inputTokens.toLocaleString()}</td>
                      <td>{r.outputTokens.toLocaleString()}</td>
                      <td>{formatMetric(r.costUsd, 'cost')}</td>
                      <td>{r.turns}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
