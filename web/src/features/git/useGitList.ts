import { useCallback, useState } from 'react';
import { errorMessage } from '../../api/client';
import { useLoad } from '../useLoad';

/**
 * A list of the git panel (branches, stashes): loaded on mount, and again, with the status, after
 * every action on it, whether it worked or not (a stash that conflicted still changed the tree).
 * `fetchItems` must be stable (a useCallback of the project).
 */
export function useGitList<T>(fetchItems: () => Promise<{ items: T[] }>, reload: () => Promise<void>) {
  const [items, setItems] = useState<T[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setItems((await fetchItems()).items);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [fetchItems]);
  useLoad(load);

  /** Runs an action; `explain` turns its failure into what to show. Resolves to whether it worked. */
  async function run(action: () => Promise<unknown>, explain: (err: unknown) => string = errorMessage): Promise<boolean> {
    setBusy(true);
    let ok = false;
    try {
      await action();
      setError(null);
      ok = true;
    } catch (err) {
      setError(explain(err));
    } finally {
      await Promise.all([load(), reload()]);
      setBusy(false);
    }
    return ok;
  }

  return { items, busy, error, setError, run };
}
