import { lazyComponent } from './lazy';

/**
 * The modal frame every dialog shares (DialogFrame.tsx). React Aria, which it is built on, is not part
 * of what the page loads at start: its code loads once the first view is on screen (`preloadDialogs`),
 * or when a dialog opens first — which then shows as soon as it is here.
 */
export const Dialog = lazyComponent(() => import('./DialogFrame').then((m) => m.DialogFrame));

/** Loads the dialogs' code while nothing else is going on. */
export function preloadDialogs(): void {
  const load = (): void => void Dialog.preload().catch(() => undefined);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: 2000 });
  else setTimeout(load, 0);
}
