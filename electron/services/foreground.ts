/**
 * What the page waits for comes first. While the page's own files are being served (the browser host's
 * answers, Electron's app:// protocol), main's warm-up (audit-cache.ts) takes no next step: on two
 * cores, the page then parses and runs its code while main computes, instead of waiting for its files
 * behind the computation (a 300 kB file written in several turns of the event loop, each turn after a
 * step of the warm-up, arrived up to 0.5 s late at a heavy user's start).
 */
let serving = 0;
let waiting: Array<() => void> = [];

/** A file of the page is being served; call what it returns once it is (any further call does nothing). */
export function beginServing(): () => void {
  serving++;
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    serving--;
    if (serving > 0) return;
    const wake = waiting;
    waiting = [];
    for (const resume of wake) resume();
  };
}

/** Resolves at once when no file of the page is being served, else once none is. */
export function pageServed(): Promise<void> {
  return serving === 0 ? Promise.resolve() : new Promise((resume) => waiting.push(resume));
}
