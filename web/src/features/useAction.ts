import { useCallback, useState } from 'react';
import { errorMessage } from '../api/client';

/**
 * A form's "do it" with what the person sees meanwhile: `busy` while it runs (buttons disabled), its
 * failure's message in `error` (cleared when the next one starts). `run` answers whether it worked.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async (what: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await what();
      return true;
    } catch (err) {
      setError(errorMessage(err));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
