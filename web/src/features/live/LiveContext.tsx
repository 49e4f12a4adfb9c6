/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import { createContext, useCallback, useContext, useEffect, useEffectEvent, useState, useSyncExternalStore, type ReactNode } from 'react';
import { LiveConnection, type ConnectionState, type LiveFrame } from '../../api/live';
import type { IndexProgress } from '../../api/types';
import { IndexProgressBar } from './IndexProgressBar';

const LiveContext = createContext<LiveConnection | null>(null);

/** Opens the page's `/ws` connection for the signed-in part of the UI. */
export function LiveProvider({ children }: { children: ReactNode }) {
  const [conn] = useState(() => new LiveConnection());
  useEffect(() => {
    conn.start();
    return () => conn.stop();
  }, [conn]);
  return <LiveContext.Provider value={conn}>{children}</LiveContext.Provider>;
}

export function useLiveConnection(): LiveConnection | null {
  return useContext(LiveContext);
}

/** Calls the latest `listener` for each frame pushed by the server. */
export function useLiveFrames(listener: (frame: LiveFrame) => void) {
  const conn = useLiveConnection();
  const onFrame = useEffectEvent(listener);
  useEffect(() => conn?.onFrame((f) => onFrame(f)), [conn]);
}

/** Calls the latest `listener` after the connection came back (pushes may have been missed). */
export function useOnReconnect(listener: () => void) {
  const conn = useLiveConnection();
  const onReconnect = useEffectEvent(listener);
  useEffect(() => conn?.onReconnect(() => onReconnect()), [conn]);
}

const CONNECTING: ConnectionState = { kind: 'connecting' };

export function useConnectionState(): ConnectionState {
  const conn = useLiveConnection();
  const subscribe = useCallback((changed: () => void) => conn?.onState(changed) ?? (() => {}), [conn]);
  return useSyncExternalStore(subscribe, () => conn?.getState() ?? CONNECTING);
}

function useSecondsUntil(at: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === null) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [at]);
  return at === null ? 0 : Math.max(0, Math.ceil((at - now) / 1000));
}

/** A small dot and word telling whether live updates arrive. */
export function ConnectionIndicator() {
  const conn = useLiveConnection();
  const state = useConnectionState();
  const seconds = useSecondsUntil(state.kind === 'reconnecting' ? state.retryAt : null);
  const label =
    state.kind === 'connected' ? 'Live'
      : state.kind === 'connecting' ? 'Connecting…'
        : state.kind === 'offline' ? 'Offline'
          : seconds > 0 ? `Reconnecting in ${seconds} s` : 'Reconnecting…';
  const title =
    state.kind === 'connected' ? 'Connected: lists update live'
      : state.kind === 'offline' ? 'The browser is offline; live updates resume when it is back'
        : 'Live updates are paused while the connection is restored';
  return (
    <div className={`conn conn-${state.kind}`} role="status" aria-live="polite" title={title}>
      <span className="conn-dot" aria-hidden="true" />
      <span className="conn-label">{label}</span>
      {state.kind === 'reconnecting' && seconds > 1 && (
        <button type="button" className="link conn-retry" onClick={() => conn?.retryNow()}>Retry now</button>
      )}
    </div>
  );
}

/** The transcript index's progress while it scans, from the `status` pushes. */
export function IndexStatus() {
  const [index, setIndex] = useState<IndexProgress | null>(null);
  useLiveFrames((f) => {
    if (f.type === 'status' && f.source === 'index') setIndex(f.index);
  });
  if (!index || index.state === 'watching') return null;
  return <IndexProgressBar index={index} />;
}
