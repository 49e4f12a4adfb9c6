// Dates, times, numbers and costs in the language shown now (Intl does the formats; the short
// relative times are our own words, the same in every browser).
import { defineStrings, stringsNow } from './catalog';
import { currentLanguage } from './current';

const s = defineStrings(
  {
    justNow: 'just now',
    minutesAgo: (m: number) => `${m} min ago`,
    hoursAgo: (h: number) => `${h} h ago`,
    daysAgo: (d: number) => `${d} d ago`,
    lessThanCent: '< $0.01',
  },
  {
    es: {
      justNow: 'ahora mismo',
      minutesAgo: (m: number) => `hace ${m} min`,
      hoursAgo: (h: number) => `hace ${h} h`,
      daysAgo: (d: number) => `hace ${d} d`,
      lessThanCent: '< 0,01 US$',
    },
    de: {
      justNow: 'gerade eben',
      minutesAgo: (m: number) => `vor ${m} Min.`,
      hoursAgo: (h: number) => `vor ${h} Std.`,
      daysAgo: (d: number) => `vor ${d} T.`,
      lessThanCent: '< 0,01 $',
    },
  },
);

function parse(iso: string): Date | null {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Date and time, e.g. "3/12/2026, 14:05:09" / "12/3/2026, 14:05:09" / "3.12.2026, 14:05:09". */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  return parse(iso)?.toLocaleString(currentLanguage()) ?? iso;
}

/** The day only. */
export function formatDay(iso: string | number | Date): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : d.toLocaleDateString(currentLanguage());
}

/** Hours and minutes, for a message's time. */
export function formatTime(d: Date): string {
  return d.toLocaleTimeString(currentLanguage(), { hour: '2-digit', minute: '2-digit' });
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(currentLanguage()).format(n);
}

/** Counts in lists: compact past 10,000 ("12K" / "12 mil" / "12.345"→"12.345"), exact below. */
export function formatCount(n: number): string {
  return new Intl.NumberFormat(currentLanguage(), { notation: n >= 10_000 ? 'compact' : 'standard' }).format(n);
}

/** A cost in US dollars, what the CLI records. */
export function formatCost(usd: number): string {
  if (usd > 0 && usd < 0.01) return stringsNow(s).lessThanCent;
  return new Intl.NumberFormat(currentLanguage(), { style: 'currency', currency: 'USD' }).format(usd);
}

/**
 * A recorded cost, or "—" when there is none: transcripts written without the CLI's cost records
 * say 0, and printing "$0.00" beside a turn that cost $0.11 would be wrong.
 */
export function formatCostOrUnknown(usd: number | null | undefined): string {
  return usd == null || !(usd > 0) ? '—' : formatCost(usd);
}

/** "just now", "5 min ago", "3 h ago", "2 d ago", or the date for anything older than a month. */
export function relativeTime(iso: string | null | undefined, now: number = Date.now()): string {
  if (!iso) return '—';
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return iso;
  const words = stringsNow(s);
  const sec = Math.round((now - t) / 1000);
  if (sec < 45) return words.justNow;
  const m = Math.round(sec / 60);
  if (m < 60) return words.minutesAgo(m);
  const h = Math.round(m / 60);
  if (h < 24) return words.hoursAgo(h);
  const d = Math.round(h / 24);
  if (d < 31) return words.daysAgo(d);
  return formatDay(t);
}
