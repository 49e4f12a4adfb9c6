import { useCallback, useState } from 'react';
import { errorMessage, getUsage, usageCsvUrl } from '../../api/client';
import type { UsageGroup, UsageReport } from '../../api/types';
import { useStrings } from '../../i18n/catalog';
import { formatNumber } from '../../i18n/format';
import { ErrorMessage } from '../shared';
import { useLoad } from '../useLoad';
import { daysBefore, formatMetric, type Metric } from './chart';
import { usageStrings } from './strings';
import { UsageChart } from './UsageChart';

const GROUPS: { value: UsageGroup; label: 'project' | 'model' | 'user' | 'day' }[] = [
  { value: 'project', label: 'project' },
  { value: 'model', label: 'model' },
  { value: 'user', label: 'user' },
  { value: 'day', label: 'day' },
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
  const t = useStrings(usageStrings);

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

  const chosen = GROUPS.find((g) => g.value === groupBy);
  const group = chosen ? t[chosen.label] : t.group;
  return (
    <section className="card" aria-labelledby="usage-title">
      <h2 id="usage-title">{t.title}</h2>
      <p className="muted">
        {isAdmin ? t.introEveryProject : t.introYourProjects}
      </p>
      <div className="usage-controls">
        <label>{t.from} <input type="date" value={from} max={to} onChange={(e) => e.target.value && setFrom(e.target.value)} /></label>
        <label>{t.to} <input type="date" value={to} min={from} onChange={(e) => e.target.value && setTo(e.target.value)} /></label>
        <label>{t.by} <select value={groupBy} onChange={(e) => setGroupBy(e.target.value as UsageGroup)}>
          {GROUPS.map((g) => <option key={g.value} value={g.value}>{t[g.label]}</option>)}
        </select></label>
        <label>{t.show} <select value={metric} onChange={(e) => setMetric(e.target.value as Metric)}>
          <option value="cost">{t.cost}</option>
          <option value="tokens">{t.tokens}</option>
        </select></label>
        <a className="button" href={usageCsvUrl(from, to, groupBy)} download>{t.exportCsv}</a>
      </div>
      <ErrorMessage message={error} />
      {days === null || table === null ? (
        <p className="muted">{t.loading}</p>
      ) : (
        <>
          <UsageChart from={days.from} to={days.to} rows={days.items} metric={metric} />
          <p>
            {t.totalLabel}<strong>{formatMetric(days.total.costUsd, 'cost')}</strong>
            {t.totalRest(formatMetric(days.total.inputTokens, 'tokens'), formatMetric(days.total.outputTokens, 'tokens'),
              days.total.turns, formatNumber(days.total.turns))}
          </p>
          {table.items.length === 0 ? (
            <p className="muted">{t.nothing}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr><th scope="col">{group}</th><th scope="col">{t.inputTokens}</th><th scope="col">{t.outputTokens}</th><th scope="col">{t.cost}</th><th scope="col">{t.turns}</th></tr>
                </thead>
                <tbody>
                  {table.items.map((r) => (
                    <tr key={r.key || r.label}>
                      <td>{r.label}</td>
                      <td>{formatNumber(r.inputTokens)}</td>
                      <td>{formatNumber(r.outputTokens)}</td>
                      <td>{formatMetric(r.costUsd, 'cost')}</td>
                      <td>{formatNumber(r.turns)}</td>
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
