import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Lang } from '../../../shared/domain';
import type { PlatformStep } from '../../../shared/platform';
import { write } from '../api/client';
import { errorText, t } from '../i18n';

export interface Toast {
  text: string;
  error?: boolean;
  /** Revocations the Undo button takes back (the whole batch). */
  undo?: number[];
  steps?: PlatformStep[];
}

interface Feedback {
  busy: boolean;
  show: (toast: Toast) => void;
  /** Runs a write: busy meanwhile, its error shown as a toast in the user's language. */
  run: <T>(action: () => Promise<T>, done?: (result: T) => Toast | null) => Promise<T | undefined>;
  /** Takes revocations back (a whole batch at once), and says so. */
  undo: (ids: number[]) => void;
  /** Moves focus to the toast (the shortcut F6 does too), so its Undo is one key away. */
  focus: () => void;
  lastUndo: number[] | null;
}

const FeedbackContext = createContext<Feedback | null>(null);

export function useFeedback(): Feedback {
  const value = useContext(FeedbackContext);
  if (!value) throw new Error('useFeedback outside FeedbackProvider');
  return value;
}

/**
 * One error and toast path for every screen, and the toast itself: announced through a live region,
 * reachable with F6, Undo for the last batch of revocations.
 */
export function FeedbackProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  const [toast, setToast] = useState<Toast | null>(null);
  const [busy, setBusy] = useState(false);
  const region = useRef<HTMLDivElement>(null);

  const run = useCallback(
    async <T,>(action: () => Promise<T>, done?: (result: T) => Toast | null): Promise<T | undefined> => {
      setBusy(true);
      try {
        const result = await action();
        const next = done?.(result);
        if (next) setToast(next);
        return result;
      } catch (error) {
        setToast({ text: errorText(lang, error), error: true });
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [lang],
  );

  const focus = useCallback(() => region.current?.querySelector<HTMLElement>('button, a')?.focus(), []);

  const undo = useCallback(
    (ids: number[]): void =>
      void run(
        () => write('revocation:undo', { ids }),
        () => ({ text: t(lang, 'undoneToast') }),
      ),
    [run, lang],
  );

  const value = useMemo<Feedback>(
    () => ({ busy, show: setToast, run, undo, focus, lastUndo: toast?.undo ?? null }),
    [busy, run, undo, focus, toast],
  );

  return (
    <FeedbackContext.Provider value={value}>
      {children}
      <div ref={region} className="toast-region" role="status" aria-live="polite" data-testid="toast-region">
        {toast && (
          <div className={`toast${toast.error ? ' toast-error' : ''}`} data-testid="toast">
            <div>{toast.text}</div>
            {toast.steps && toast.steps.length > 0 && (
              <div className="steps">
                {t(lang, 'nextStep')}
                <ul>
                  {toast.steps.map((s) => (
                    <li key={s.action}>
                      <a href={s.url} target="_blank" rel="noreferrer noopener">
                        {s.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <div className="toast-actions">
              {toast.undo && (
                <button type="button" onClick={() => undo(toast.undo!)} disabled={busy}>
                  {t(lang, 'undo')}
                </button>
              )}
              <button type="button" className="secondary" onClick={() => setToast(null)}>
                {t(lang, 'close')}
              </button>
            </div>
          </div>
        )}
      </div>
    </FeedbackContext.Provider>
  );
}
