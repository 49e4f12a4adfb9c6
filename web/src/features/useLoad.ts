import { useEffect } from 'react';

/**
 * Runs `load` after mounting and again whenever it changes (a useCallback whose inputs changed):
 * a page's "fetch what it shows". `load` must set state only after its first await, so the effect
 * never re-renders synchronously; what a caller shows meanwhile ("Loading…", a reset) it sets while
 * rendering or in the event that changed the inputs.
 */
export function useLoad(load: () => Promise<unknown>): void {
  useEffect(() => {
    void load();
  }, [load]);
}
