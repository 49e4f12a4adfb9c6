/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import type { UsageRow } from '../../api/types';
import { everyDay, formatMetric, metricOf, type Metric } from './chart';

const WIDTH = 720;
const HEIGHT = 200;
const AXIS = 18;

/** Bars per day as plain SVG: the app carries no chart library for one chart. */
export function UsageChart({ from, to, rows, metric }: { from: string; to: string; rows: UsageRow[]; metric: Metric }) {
  const days = everyDay(from, to, rows);
  const max = Math.max(0, ...days.map((d) => (d.row ? metricOf(d.row, metric) : 0)));
  const step = WIDTH / Math.max(1, days.length);
  const bar = Math.max(1, step * 0.75);
  const label = `${metric === 'cost' ? 'Cost' : 'Tokens'} per day from ${from} to ${to}; highest ${formatMetric(max, metric)}`;
  return (
    <figure className="usage-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT + AXIS}`} role="img" aria-label={label} preserveAspectRatio="none">
        <line x1={0} y1={HEIGHT} x2={WIDTH} y2={HEIGHT} className="usage-axis" />
        {days.map((d, i) => {
          const value = d.row ? metricOf(d.row, metric) : 0;
          const h = max > 0 ? (value / max) * (HEIGHT - 8) : 0;
          return (
            <rect key={d.day} data-day={d.day} className="usage-bar" x={i * step + (step - bar) / 2} y={HEIGHT - h}
              width={bar} height={h}>
              <title>{`${d.day}: ${formatMetric(value, metric)}`}</title>
            </rect>
          );
        })}
        <text x={0} y={HEIGHT + AXIS - 4} className="usage-tick">{from}</text>
        <text x={WIDTH} y={HEIGHT + AXIS - 4} className="usage-tick" textAnchor="end">{to}</text>
      </svg>
      <figcaption className="muted">{metric === 'cost' ? 'Cost' : 'Tokens'} per day (UTC), highest {formatMetric(max, metric)}</figcaption>
    </figure>
  );
}
