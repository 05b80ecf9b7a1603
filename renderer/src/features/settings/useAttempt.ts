import { useCallback, useState } from 'react';

/**
 * A dialog's actions (save, import, export) and their failure: `attempt` runs one, and what it throws is
 * `error`, for the dialog to show; `setError` sets it from elsewhere (a failed load) or clears it.
 */
export function useAttempt() {
  const [error, setError] = useState<unknown>(null);
  const attempt = useCallback(async (action: () => Promise<void>): Promise<void> => {
    try {
      await action();
    } catch (e) {
      setError(e);
    }
  }, []);
  return { error, setError, attempt };
}
