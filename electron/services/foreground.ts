/**
 * What the page waits for comes first. While the page's own files are being served (the browser host's
 * answers, Electron's app:// protocol), main's warm-up (audit-cache.ts) takes no next step: on two
 * cores, the page then parses and runs its code while main computes, instead of waiting for its files
 * behind the computation (a 300 kB file written in several turns of the event loop, each turn after a
 * step of the warm-up, arrived up to 0.5 s late at a heavy user's start).
 *
 * And while a page is loading — from its document's request until its first numbers were answered —
 * the warm-up takes no step of its full audit (it has counted the numbers by then): at a heavy user's
 * start those steps and the garbage collections they cause held the page's document back by ≈ 0.4 s.
 */
/** Promises that wait for a condition: each resolves at once while it holds, else at the next `release`. */
function gate(holds: () => boolean): { passed(): Promise<void>; release(): void } {
  let waiting: Array<() => void> = [];
  return {
    passed: () => (holds() ? Promise.resolve() : new Promise((resume) => waiting.push(resume))),
    release: () => {
      const wake = waiting;
      waiting = [];
      for (const resume of wake) resume();
    },
  };
}

let serving = 0;
const served = gate(() => serving === 0);

/** A file of the page is being served; call what it returns once it is (any further call does nothing). */
export function beginServing(): () => void {
  serving++;
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    if (--serving === 0) served.release();
  };
}

/** Resolves at once when no file of the page is being served, else once none is. */
export const pageServed = served.passed;

/** Longest a page counts as loading without asking for its numbers (it opened on another screen). */
export const PAGE_LOAD_CAP_MS = 2000;
let loading: NodeJS.Timeout | null = null;
const loaded = gate(() => loading === null);

/** The page's document was requested: a page is loading until `numbersAnswered`, or at most `capMs`. */
export function pageLoading(capMs = PAGE_LOAD_CAP_MS): void {
  if (loading !== null) clearTimeout(loading);
  loading = setTimeout(numbersAnswered, capMs);
  loading.unref();
}

/** The page's numbers were answered (or the cap has passed): it has what its first view shows. */
export function numbersAnswered(): void {
  if (loading === null) return;
  clearTimeout(loading);
  loading = null;
  loaded.release();
}

/** Resolves at once when no page is loading, else once it has its numbers (or the cap has passed). */
export const pageLoaded = loaded.passed;
