import {
  createContext,
  useCallback,
  useContext,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type RefObject,
  type ReactNode,
} from 'react';
import type { Lang } from '../../../shared/domain';
import type { PlatformStep } from '../../../shared/platform';
import { write } from '../api/client';
import { focusLost, focusScreen } from '../ui/focus';
import { errorText, t } from '../i18n';

export interface Toast {
  text: string;
  error?: boolean;
  /** Revocations the Undo button takes back (the whole batch). */
  undo?: number[];
  steps?: PlatformStep[];
}

/** The one error and toast path every screen writes through (useFeedback). */
export interface Feedback {
  busy: boolean;
  show: (toast: Toast) => void;
  /**
   * Runs a write: busy meanwhile, its error shown as a toast in the user's language. A toast with
   * `undo` makes those revocations the session's last batch (what Ctrl/Cmd+Z takes back).
   */
  run: <T>(action: () => Promise<T>, done?: (result: T) => Toast | null) => Promise<T | undefined>;
  /** Takes revocations back (a whole batch at once), and says so. */
  undo: (ids: number[]) => Promise<void>;
  /**
   * Ctrl/Cmd+Z: takes back the last batch of revocations this session made — whatever the toast shows
   * by now — less what was undone since; or says there is nothing to undo.
   */
  undoLast: () => void;
  /** Moves focus to the toast (the shortcut F6 does too), so its Undo is one key away. */
  focus: () => void;
}

const FeedbackContext = createContext<Feedback | null>(null);

export function useFeedback(): Feedback {
  const value = useContext(FeedbackContext);
  if (!value) throw new Error('useFeedback outside FeedbackProvider');
  return value;
}

/**
 * The toast's region and where focus goes with it: a message drawn while focus was in the toast keeps
 * focus there; focus asked for before the message is drawn goes to it once it is; closing returns focus
 * to where it came from (F6), else to the screen.
 */
function useToastFocus() {
  const [toast, setToast] = useState<Toast | null>(null);
  const region = useRef<HTMLDivElement>(null);
  // Where focus was before it entered the toast (F6): it goes back there when the toast is closed.
  const cameFrom = useRef<HTMLElement | null>(null);
  // Focus was in the toast as its message changed (its Undo pressed): it stays in the toast.
  const keepFocus = useRef(false);
  // A message set but not drawn yet; focus asked for meanwhile (`focus`) goes to it once it is drawn.
  const drawing = useRef(false);
  const focusWhenDrawn = useRef(false);

  const show = useCallback((next: Toast | null): void => {
    keepFocus.current = region.current?.contains(document.activeElement) ?? false;
    drawing.current = true;
    setToast(next);
  }, []);
  useLayoutEffect(() => {
    if (focusWhenDrawn.current || (keepFocus.current && focusLost()))
      region.current?.querySelector<HTMLElement>('button, a')?.focus();
    keepFocus.current = false;
    focusWhenDrawn.current = false;
    drawing.current = false;
  }, [toast]);

  const focus = useCallback((): void => {
    // Right after a write its message is set but not drawn: focus goes to it, not to the one before.
    if (drawing.current) focusWhenDrawn.current = true;
    else region.current?.querySelector<HTMLElement>('button, a')?.focus();
  }, []);
  const close = (): void => {
    const back = cameFrom.current;
    if (region.current?.contains(document.activeElement)) {
      if (back?.isConnected) back.focus();
      if (region.current.contains(document.activeElement)) focusScreen();
    }
    setToast(null);
  };
  const onFocus = (event: FocusEvent<HTMLDivElement>): void => {
    const from = event.relatedTarget;
    if (from instanceof HTMLElement && !event.currentTarget.contains(from)) cameFrom.current = from;
  };
  return { toast, show, focus, close, region, onFocus };
}

/**
 * Undo of revocations: a batch (the toast's), or Ctrl/Cmd+Z's — the last batch this session made, less
 * what was undone since. `lastBatchRef` holds that batch, which `run` sets from a toast with `undo`.
 */
function useUndo(
  lang: Lang,
  run: Feedback['run'],
  show: (toast: Toast) => void,
  lastBatchRef: RefObject<number[] | null>,
) {
  const undo = useCallback(
    async (ids: number[], plannedOnly = false): Promise<void> => {
      const result = await run(
        () => write('revocation:undo', { ids, plannedOnly }),
        ({ undone }) => ({ text: t(lang, undone > 0 ? 'undoneToast' : 'nothingToUndo') }),
      );
      if (result === undefined) return;
      // What was undone (here, in the toast, on another screen) is not Ctrl+Z's to undo again.
      const gone = new Set(ids);
      const rest = lastBatchRef.current?.filter((id) => !gone.has(id)) ?? [];
      lastBatchRef.current = rest.length > 0 ? rest : null;
    },
    [run, lang, lastBatchRef],
  );

  const undoLast = useCallback((): void => {
    // Only what is still planned: not what the user has since marked done, nor what an export proved.
    if (lastBatchRef.current) void undo(lastBatchRef.current, true);
    else show({ text: t(lang, 'nothingToUndo') });
  }, [undo, show, lang, lastBatchRef]);

  return { undo, undoLast };
}

/**
 * One error and toast path for every screen, and the toast itself: announced through a live region,
 * reachable with F6, Undo for the last batch of revocations.
 */
export function FeedbackProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  const [busy, setBusy] = useState(false);
  const { toast, show, focus, close, region, onFocus } = useToastFocus();
  // Apart from the toast, which the next message replaces: the last batch of revocations made.
  const lastBatch = useRef<number[] | null>(null);

  const run = useCallback(
    async <T,>(action: () => Promise<T>, done?: (result: T) => Toast | null): Promise<T | undefined> => {
      setBusy(true);
      try {
        const result = await action();
        const next = done?.(result);
        if (next?.undo) lastBatch.current = next.undo;
        if (next) show(next);
        return result;
      } catch (error) {
        show({ text: errorText(lang, error), error: true });
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [lang, show],
  );

  const { undo, undoLast } = useUndo(lang, run, show, lastBatch);

  const value = useMemo<Feedback>(
    () => ({ busy, show, run, undo, undoLast, focus }),
    [busy, show, run, undo, undoLast, focus],
  );

  return (
    <FeedbackContext.Provider value={value}>
      {children}
      <div
        ref={region}
        className="toast-region"
        role="status"
        aria-live="polite"
        data-testid="toast-region"
        onFocus={onFocus}
      >
        {toast && (
          <ToastView
            toast={toast}
            lang={lang}
            busy={busy}
            onUndo={() => {
              if (!busy) void undo(toast.undo!);
            }}
            onClose={close}
          />
        )}
      </div>
    </FeedbackContext.Provider>
  );
}

/** One message: its text, the platform's next steps if any, Undo for a batch of revocations, Close. */
function ToastView({
  toast,
  lang,
  busy,
  onUndo,
  onClose,
}: {
  toast: Toast;
  lang: Lang;
  busy: boolean;
  onUndo: () => void;
  onClose: () => void;
}) {
  return (
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
          // Not `disabled` while busy: that would take focus away from it (to the page's body).
          <button type="button" aria-disabled={busy || undefined} onClick={onUndo}>
            {t(lang, 'undo')}
          </button>
        )}
        <button type="button" className="secondary" onClick={onClose}>
          {t(lang, 'close')}
        </button>
      </div>
    </div>
  );
}
