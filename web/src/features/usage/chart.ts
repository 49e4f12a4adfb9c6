import type { UsageRow } from '../../api/types';
import { formatCost, formatCount, formatDay } from '../../i18n/format';

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

/** A cost (four decimals below $10: a day's cost is often a fraction of a cent) or a token count, in the language shown. */
export function formatMetric(value: number, metric: Metric): string {
  if (metric === 'cost') return formatCost(value, value < 10 ? 4 : 2);
  return formatCount(value);
}

/**
 * A report's day (YYYY-MM-DD, UTC) in the language shown. Read at noon UTC: the browser's time zone
 * then shows the same date (midnight UTC would be the day before west of Greenwich).
 */
export function formatReportDay(day: string): string {
  return formatDay(`${day}T12:00:00Z`);
}

/** The day N days before `day` (YYYY-MM-DD). */
export function daysBefore(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
}
