import type { ComponentProps } from 'react';
import type { Lang } from '../../../shared/domain';
import { errorText, t } from '../i18n';
import type { DialogFrame } from './DialogFrame';
import { lazyComponent } from './lazy';

/**
 * The modal frame every dialog shares (DialogFrame.tsx). React Aria, which it is built on, is not part
 * of what the page loads at start: its code loads once the first view is on screen (`preloadDialogs`),
 * or when a dialog opens first — which then shows as soon as it is here. Should its code not arrive,
 * the dialog says so, with a retry (and Close, where the dialog can be closed).
 */
export const Dialog = lazyComponent(
  () => import('./DialogFrame').then((m) => m.DialogFrame),
  null,
  (retry, error, props) => <DialogUnavailable {...props} retry={retry} failure={error} />,
);

/** Loads the dialogs' code while nothing else is going on. */
export function preloadDialogs(): void {
  const load = (): void => void Dialog.preload().catch(() => undefined);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: 2000 });
  else setTimeout(load, 0);
}

/**
 * A dialog whose frame could not be loaded: plain elements, no React Aria. Modal for the eye and for a
 * screen reader; the retry takes focus, Escape closes it where the dialog can be closed.
 */
function DialogUnavailable({
  name,
  title,
  onClose,
  retry,
  failure,
}: ComponentProps<typeof DialogFrame> & { retry: () => void; failure: unknown }) {
  // The page's language, as the shell sets it (dialogs are given their texts, not the language).
  const lang: Lang = document.documentElement.lang === 'de' ? 'de' : 'en';
  return (
    <div className="overlay">
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={`${name}-title`}
        data-testid={`${name}-dialog-unavailable`}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && onClose) onClose();
        }}
      >
        <h2 id={`${name}-title`}>{title}</h2>
        <p>{t(lang, 'dialogFailed')}</p>
        <p className="muted small">{errorText(lang, failure)}</p>
        <div className="actions">
          {/* An alert dialog's first control takes focus. */}
          <button type="button" onClick={retry} autoFocus>
            {t(lang, 'tryAgain')}
          </button>
          {onClose && (
            <button type="button" className="secondary" onClick={onClose}>
              {t(lang, 'close')}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
