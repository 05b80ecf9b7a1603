/**
 * The probe inside the page, installed before the app's scripts on every load
 * (`page.addInitScript(installPageProbe)`): long tasks, input timestamps, the result checks and the
 * frame-by-frame poll over them, and the moment the headline numbers first show.
 *
 * Each part below is serialised into the page on its own (its source text): it refers to nothing
 * outside its own body, and the parts meet only through `globalThis.__bench`.
 */

// This file is compiled without the DOM library: the page's globals, as far as used here.

interface PageElement {
  readonly textContent: string | null;
  readonly tagName: string;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): PageElement | null;
  getClientRects(): { length: number };
}
interface PageEvent {
  readonly timeStamp: number;
  readonly target: PageElement | null;
}
export interface BenchState {
  longTasks: Array<{ start: number; duration: number }>;
  inputs: Record<string, number>;
  downloadAt: number;
  numbersAt: number;
  /**
   * Resolves with `numbersAt` once the headline numbers are on screen; rejects if they are not within
   * `deadline` ms of navigation start. Waited for without a loop of animation frames (see watchHeadlineNumbers).
   */
  numbersShown(deadline: number): Promise<number>;
  /** Sets `numbersAt` and settles `numbersShown` (watchHeadlineNumbers). */
  showNumbers(at: number): void;
  /** Whether the page shows an expected result, by name (installChecks). */
  checks: Record<string, (arg: string) => boolean>;
  until(check: string, arg: string, deadline: number): Promise<number>;
}
export interface PageGlobals {
  document: {
    querySelector(selector: string): PageElement | null;
    querySelectorAll(selector: string): { length: number; item(i: number): PageElement | null };
    getElementsByTagName(name: string): { length: number };
  };
  performance: { now(): number; timeOrigin: number };
  requestAnimationFrame(callback: () => void): number;
  setTimeout(callback: () => void, ms: number): number;
  MutationObserver: new (callback: () => void) => {
    observe(target: unknown, options: { subtree: boolean; childList: boolean; characterData: boolean }): void;
    disconnect(): void;
  };
  addEventListener(type: string, listener: (event: PageEvent) => void, capture: boolean): void;
  PerformanceObserver: new (
    callback: (list: { getEntries(): Array<{ startTime: number; duration: number }> }) => void,
  ) => {
    observe(options: { type: string; buffered: boolean }): void;
  };
  __bench: BenchState;
}

/** The probe's state, and the poll over the checks. */
function installState(): void {
  const g = globalThis as unknown as PageGlobals;
  let shown: (at: number) => void = () => undefined;
  const numbers = new Promise<number>((resolve) => (shown = resolve));
  const state: BenchState = {
    longTasks: [],
    inputs: {},
    downloadAt: 0,
    numbersAt: 0,
    numbersShown: (deadline) =>
      new Promise((resolve, reject) => {
        void numbers.then(resolve);
        g.setTimeout(
          () => reject(new Error('the headline numbers never showed')),
          Math.max(0, deadline - g.performance.now()),
        );
      }),
    showNumbers: (at) => {
      state.numbersAt = at;
      shown(at);
    },
    checks: {},
    // Resolves with the time of the first animation frame in which the check holds.
    until: (check, arg, deadline) =>
      new Promise((resolve, reject) => {
        const started = g.performance.now();
        const tick = (): void => {
          if (state.checks[check]!(arg)) resolve(g.performance.now());
          else if (g.performance.now() - started > deadline) reject(new Error(`timed out: ${check} ${arg}`));
          else g.requestAnimationFrame(tick);
        };
        tick();
      }),
  };
  g.__bench = state;
}

/** The result checks: what each interaction's visible result is. */
function installChecks(): void {
  const g = globalThis as unknown as PageGlobals;
  const state = g.__bench;
  const doc = g.document;
  const text = (selector: string): string | null => doc.querySelector(selector)?.textContent?.trim() ?? null;
  const visible = (selector: string): boolean => (doc.querySelector(selector)?.getClientRects().length ?? 0) > 0;
  const firstRowState = (): boolean =>
    (doc.querySelector('[data-testid="finding"]')?.querySelector('[data-testid="revocation-state"]') ?? null) !== null;
  const STATS = ['connections', 'email', 'mobile', 'unfamiliar', 'score'];
  state.checks = {
    numbers: () => STATS.every((s) => /\d/.test(text(`[data-testid="stat-${s}"] .stat-value`) ?? '')),
    visible: (selector) => visible(selector),
    textIs: (arg) => {
      const [selector, value] = JSON.parse(arg) as [string, string];
      return text(selector) === value;
    },
    textNot: (arg) => {
      const [selector, value] = JSON.parse(arg) as [string, string];
      const now = text(selector);
      return now !== null && now !== value;
    },
    onlyPerson: (name) => {
      const rows = doc.querySelectorAll('[data-testid="person"]');
      return (
        text('[data-testid="people-count"]') === '1' &&
        rows.length === 1 &&
        (rows.item(0)?.textContent ?? '').includes(name)
      );
    },
    // A revocation is planned, not done: the findings stay open, each marked with its state.
    firstRowPlanned: () => visible('[data-testid="planned-count"]') && firstRowState(),
    firstRowUndone: () =>
      doc.querySelector('[data-testid="planned-count"]') === null &&
      visible('[data-testid="finding"]') &&
      !firstRowState(),
    // After the bulk revoke: the planned count names every finding revoked, and no row on screen is a
    // placeholder or still offers Revoke.
    bulkPlanned: (n) =>
      (text('[data-testid="planned-count"]') ?? '').includes(n) &&
      doc.querySelectorAll('.finding.placeholder').length === 0 &&
      doc.querySelectorAll('[data-testid="finding"] button.danger').length === 0,
    downloaded: (after) => state.downloadAt > Number(after),
  };
}

/** Long tasks: a PerformanceObserver installed before the app's scripts run. */
function recordLongTasks(): void {
  const g = globalThis as unknown as PageGlobals;
  const state = g.__bench;
  new g.PerformanceObserver((list) => {
    for (const e of list.getEntries()) state.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/** The timestamp of the last input event of each kind (and of the report's download). */
function recordInputs(): void {
  const g = globalThis as unknown as PageGlobals;
  const state = g.__bench;
  for (const type of ['click', 'keydown', 'change']) {
    g.addEventListener(
      type,
      (event) => {
        // The report reaches the browser as a click on a download link (renderer/src/download.ts):
        // the page's own click, not an input.
        if (type === 'click' && event.target?.tagName === 'A' && event.target.hasAttribute('download'))
          state.downloadAt = event.timeStamp;
        else state.inputs[type] = event.timeStamp;
      },
      true,
    );
  }
}

// Navigation → numbers: the first frame showing every headline number, from navigation start. Checked
// when the page changes, not in every frame: a loop of animation frames would keep Chromium drawing
// frames (≈ 80 ms of CPU a second) on the two cores the page and main share while they load.
function watchHeadlineNumbers(): void {
  const g = globalThis as unknown as PageGlobals;
  const state = g.__bench;
  let framed = false;
  const watch = new g.MutationObserver(() => {
    if (framed || !state.checks.numbers!('')) return;
    framed = true;
    watch.disconnect();
    g.requestAnimationFrame(() => state.showNumbers(g.performance.now()));
  });
  watch.observe(g.document, { subtree: true, childList: true, characterData: true });
}

/**
 * Runs before the app's scripts on every load: long tasks, input timestamps, the result checks.
 * One init script calling each part in turn, as Playwright would call a single function.
 */
export const installPageProbe = {
  content: [installState, installChecks, recordLongTasks, recordInputs, watchHeadlineNumbers]
    .map((part) => `(${part.toString()})();`)
    .join('\n'),
};
