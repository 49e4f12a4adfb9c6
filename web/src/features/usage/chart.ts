import type { UsageRow } from '../../api/types';

export type Metric = 'cost' | 'tokens';

export function metricOf(row: UsageRow, metric: Metric): number {
  return metric === 'cost' ? row.costUsd : row.inputTokens + row.outputTokens;
}

/** Every day from `from` to `to` (YYYY-MM-DD, UTC), with the report's row or nothing: a chart has no gaps. */
export function everyDay(from: string, to: string, rows: UsageRow[]): { day: string; row: UsageRow | null }[] {
  const byDay = new Map(rows.map((r) => [r.key, r]));
  const days: { day: string; row: UsageRow | null }[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end && days.length < 400; t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    days.push({ day, row: byDay.get(day) ?? null });
  }
  return days;
}

export function formatMetric(value: number, metric: Metric): string {
  if (metric === 'cost') return `$${value < 10 ? value.toFixed(4) : value.toFixed(2)}`;
  return value >= 1_000_000 ? `${(value / 1_000_000).toFixed(1)}M` : value >= 1_000 ? `${(value / 1_000).toFixed(1)}k` : String(value);
}

/** The day N days before `day` (YYYY-MM-DD). */
export function daysBefore(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
}
