import { ApiError, observeApiErrors, request } from './client';
import type { components } from './schema.gen';

/** `GET/PUT /api/admin/maintenance` (admin). `since` and `by` are null until first toggled. */
export type MaintenanceState = components['schemas']['MaintenanceState'];

/** What the banner needs to know, from whichever source saw it last. */
export interface MaintenanceNotice {
  enabled: boolean;
  /** The admin's message, known only from a refused request. */
  message: string | null;
  since: string | null;
  /** Seconds the server asked to wait (`Retry-After`), when a request was refused. */
  retryAfter?: number;
}

export const MAINTENANCE_CODE = 'MAINTENANCE';

export const getMaintenance = () => request<MaintenanceState>('GET', '/admin/maintenance');

export const setMaintenance = (enabled: boolean, message?: string | null) =>
  request<MaintenanceState>('PUT', '/admin/maintenance', message ? { enabled, message } : { enabled });

/**
 * Maintenance as `/api/health` reports it. Health is public and answers 503 (with the same body)
 * when a required check is down, so it is read with fetch rather than `request`, which would throw.
 */
export async function getHealthMaintenance(): Promise<{ enabled: boolean; since: string | null } | null> {
  try {
    const res = await fetch('/api/health', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    const body = (await res.json()) as { maintenance?: { enabled?: boolean; since?: string | null } };
    if (!body?.maintenance) return null;
    return { enabled: body.maintenance.enabled === true, since: body.maintenance.since ?? null };
  } catch {
    return null;
  }
}

type Listener = (notice: MaintenanceNotice) => void;
const listeners = new Set<Listener>();

/** Subscribes to refusals reported through {@link reportIfMaintenance}; returns the unsubscribe. */
export function onMaintenanceRefusal(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/**
 * Tells the banner when an error is a maintenance refusal (503 `MAINTENANCE`), so people learn
 * why their change failed without waiting for the next health poll. Call it wherever API errors
 * are caught (or once in the client's error path); returns whether it was one.
 */
export function reportIfMaintenance(error: unknown): boolean {
  if (!(error instanceof ApiError) || error.status !== 503 || error.code !== MAINTENANCE_CODE) return false;
  const notice: MaintenanceNotice = { enabled: true, message: error.message, since: null, retryAfter: error.retryAfter };
  listeners.forEach((listener) => listener(notice));
  return true;
}

// Every refused request anywhere in the UI reaches the banner, not just the ones a screen reports.
observeApiErrors(reportIfMaintenance);
