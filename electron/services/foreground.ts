/**
 * What the page waits for comes first. While the page's own files are being served (the browser host's
 * answers, Electron's app:// protocol), main's warm-up (audit-cache.ts) takes no next step: on two
 * cores, the page then parses and runs its code while main computes, instead of waiting for its files
 * behind the computation (a 300 kB file written in several turns of the event loop, each turn after a
 * step of the warm-up, arrived up to 0.5 s late at a heavy user's start).
 *
 * And while a page is loading — from its document's request until it asks for more than its first
 * numbers — the warm-up takes no step of its full audit (it has counted the numbers by then): at a heavy
 * user's start those steps and the garbage collections they cause held the page's document back by
 * ≈ 0.4 s, and after the numbers were answered they still ran beside the page drawing them (a step of
 * up to 0.2 s held back the overview's code). The page asks for the rest once its numbers are on
 * screen; the first request that needs the full audit computes it (audit-cache.ts) and ends the load.
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

/** Longest a page counts as loading without asking for more than its numbers (it may never ask). */
export const PAGE_LOAD_CAP_MS = 2000;
let loading: NodeJS.Timeout | null = null;
const loaded = gate(() => loading === null);

/** The page's document was requested: a page is loading until `pageLoadEnded`, or at most `capMs`. */
export function pageLoading(capMs = PAGE_LOAD_CAP_MS): void {
  if (loading !== null) clearTimeout(loading);
  loading = setTimeout(pageLoadEnded, capMs);
  loading.unref();
}

/** The page asked for what needs the full audit (or the cap has passed): its first view is drawn. */
export function pageLoadEnded(): void {
  if (loading === null) return;
  clearTimeout(loading);
  loading = null;
  loaded.release();
}

/** Resolves at once when no page is loading, else once its load has ended (or the cap has passed). */
export const pageLoaded = loaded.passed;
