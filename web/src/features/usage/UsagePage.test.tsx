import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { showLanguage } from '../../i18n/current';
import { jsonResponse, routeFetch } from '../../test/fetch';
import { everyDay, formatMetric, formatReportDay } from './chart';
import { UsagePage } from './UsagePage';

afterEach(() => vi.unstubAllGlobals());

const row = (key: string, label: string, costUsd: number, tokens = 100) =>
  ({ key, label, inputTokens: tokens, outputTokens: tokens / 2, costUsd, turns: 1 });

describe('UsagePage', () => {
  it('draws a bar per day, lists the chosen group and links the CSV export', async () => {
    const urls: string[] = [];
    routeFetch((url) => {
      urls.push(url);
      const q = new URL(url, 'http://x').searchParams;
      const groupBy = q.get('groupBy');
      const from = q.get('from') ?? '';
      const to = q.get('to') ?? '';
      const items = groupBy === 'day' ? [row(to, to, 0.5)] : groupBy === 'model' ? [row('claude-x', 'claude-x', 0.5)]
        : [row('p1', 'shop', 0.4), row('p2', '=evil', 0.1)];
      return jsonResponse(200, { from, to, groupBy, items, total: row('', 'total', 0.5, 300) });
    });
    const { container } = render(<UsagePage isAdmin={false} />);
    expect(await screen.findByText('shop')).toBeTruthy();
    expect(screen.getByText('=evil')).toBeTruthy();
    const bars = container.querySelectorAll('rect.usage-bar');
    expect(bars).toHaveLength(30);
    const heights = Array.from(bars).map((b) => Number(b.getAttribute('height')));
    expect(heights.filter((h) => h > 0)).toHaveLength(1);
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain('highest $0.5000');
    const csv = screen.getByRole('link', { name: 'Export CSV' }).getAttribute('href') ?? '';
    expect(csv).toContain('groupBy=project');
    expect(csv).toContain('format=csv');

    fireEvent.change(screen.getByLabelText('By'), { target: { value: 'model' } });
    expect(await screen.findByText('claude-x')).toBeTruthy();
    await waitFor(() => expect(urls.some((u) => u.includes('groupBy=model'))).toBe(true));
  });

  it('fills the days without usage', () => {
    expect(everyDay('2026-02-27', '2026-03-01', [row('2026-02-28', '2026-02-28', 1)]).map((d) => [d.day, d.row?.costUsd ?? 0]))
      .toEqual([['2026-02-27', 0], ['2026-02-28', 1], ['2026-03-01', 0]]);
  });

  it('writes days, costs and counts the German way when German is shown', async () => {
    showLanguage('de');
    try {
      expect(formatReportDay('2026-02-28')).toBe('28.2.2026');
      expect(formatMetric(0.5, 'cost')).toBe('0,5000\u00a0$');
      expect(formatMetric(12_345, 'tokens')).toBe('12.345');
      routeFetch((url) => {
        const q = new URL(url, 'http://x').searchParams;
        return jsonResponse(200, { from: '2026-02-01', to: '2026-02-28', groupBy: q.get('groupBy'),
          items: [row('2026-02-28', 'shop', 0.5, 2000)], total: row('', 'total', 0.5, 2000) });
      });
      render(<UsagePage isAdmin={false} />);
      expect(await screen.findByText('shop')).toBeTruthy();
      expect(screen.getByRole('img').getAttribute('aria-label')).toBe('Kosten pro Tag vom 1.2.2026 bis 28.2.2026; Höchstwert 0,5000\u00a0$');
      expect(screen.getByRole('cell', { name: '2.000' })).toBeTruthy();
      expect(screen.getByRole('columnheader', { name: 'Eingabe-Tokens' })).toBeTruthy();
    } finally {
      showLanguage('en');
    }
  });
});
