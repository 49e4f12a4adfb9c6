/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import { useEffect, useState } from 'react';
import { getHealthMaintenance, onMaintenanceRefusal, type MaintenanceNotice } from '../../api/maintenance';
import { formatDate } from '../shared';

/** How often health is asked while nothing else says anything (the server re-reads every 2 s). */
const POLL_MS = 30_000;

/**
 * Shown to everyone while the service is in maintenance: from `/api/health` (polled) or as soon
 * as a request is refused with 503 `MAINTENANCE` (through `reportIfMaintenance`). Health says when
 * it ends; a refusal alone only says it started, so the next poll clears the banner.
 */
export function MaintenanceBanner({ pollMs = POLL_MS }: { pollMs?: number }) {
  const [notice, setNotice] = useState<MaintenanceNotice | null>(null);

  useEffect(() => {
    let alive = true;
    async function poll() {
      const health = await getHealthMaintenance();
      if (!alive || health === null) return;
      setNotice((previous) =>
        health.enabled ? { enabled: true, since: health.since, message: previous?.message ?? null, retryAfter: previous?.retryAfter } : null,
      );
    }
    void poll();
    const timer = window.setInterval(() => void poll(), pollMs);
    const unsubscribe = onMaintenanceRefusal((refusal) =>
      setNotice((previous) => ({ ...refusal, since: previous?.since ?? refusal.since })),
    );
    return () => {
      alive = false;
      window.clearInterval(timer);
      unsubscribe();
    };
  }, [pollMs]);

  if (!notice?.enabled) return null;
  return (
    <div className="notice maintenance-banner" role="status" aria-live="polite">
      <strong>Maintenance:</strong>{' '}
      {notice.message ?? 'changes are paused for now; you can still read everything.'}
      {notice.since && <> (since {formatDate(notice.since)})</>}
      {notice.retryAfter !== undefined && <> Try again in about {Math.max(1, Math.round(notice.retryAfter / 60))} min.</>}
    </div>
  );
}
