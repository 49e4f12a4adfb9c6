import { useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * A ref holding `value` as of the last commit, for callbacks that must read the newest value
 * without being recreated when it changes (scroll handlers, keyboard listeners, refreshes). It is
 * written in a layout effect, not during render: a render can be thrown away, a commit cannot, and
 * layout effects run before any event can reach the new tree.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
