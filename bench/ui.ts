/**
 * The UI part of `npm run bench` (alone: `npm run bench:ui`): Playwright drives the real page in
 * Chromium (headless, 1440×900) against the built browser host, for the demo user and the heavy user
 * (30,000 connections, 300,000 messages), and prints medians side by side with the heavy user's targets.
 *
 * How it measures:
 * - Time: from the input event's own timestamp (`event.timeStamp` of the click, keydown or change,
 *   recorded in the page) to the first animation frame whose DOM shows the expected result (a
 *   requestAnimationFrame poll in the page). Page loads: from navigation start. No sleeps anywhere.
 * - Bytes: bodies of the /api/ responses the interaction caused (Chrome DevTools Protocol, Network
 *   domain), counted until the network and the page are quiet again; per request also the time to
 *   the first byte (the host's compute time on the loopback) — the evidence for where time goes.
 * - Long tasks: a PerformanceObserver('longtask') installed before the app's scripts run.
 * - DOM elements at rest per screen, and the JS heap after a forced GC (HeapProfiler.collectGarbage).
 * - Verdicts at the heavy user: every click and keypress with no long task over 100 ms; a what-if
 *   change with no long task at all (the page never blocks more than 50 ms per change, and a long
 *   task is a task over 50 ms).
 * Each run starts a fresh host on a fresh copy of the user's database.
 */
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { buildApp } from './build';
import { generateHeavyExport } from './generate';

const root = join(import.meta.dirname, '..');
const NOW = '2026-11-01T12:00:00Z';
const VIEWPORT = { width: 1440, height: 900 };
/** Deadline of any one wait: long enough to measure a slow interaction rather than abort on it. */
const DEADLINE_MS = Number(process.env.BENCH_DEADLINE_MS ?? 240_000);
if (!Number.isFinite(DEADLINE_MS) || DEADLINE_MS <= 0)
  throw new Error(`BENCH_DEADLINE_MS: a number of milliseconds above 0, not "${process.env.BENCH_DEADLINE_MS}"`);

type User = 'demo' | 'heavy';
const USERS: readonly User[] = ['demo', 'heavy'];

/** A name the People search finds exactly once, typed one character short first (which finds several). */
const SEARCH: Record<User, string> = { demo: 'Moritz Schulze', heavy: 'Vorname29999' };

// ---------------------------------------------------------------------------------------------------
// Results

export interface ApiRequest {
  /** The contract channel (`findings:list`), or the path of a static asset (a lazy screen's chunk). */
  channel: string;
  /** Assets are listed as evidence; only /api/ answers count as bytes transferred. */
  api: boolean;
  /** Start, relative to the interaction's input event (ms, page clock). */
  atMs: number;
  /**
   * From the request's start to the first byte of its answer: on the loopback, the time the host
   * took to get to it (a request behind another waits for it: the host is one thread) and compute it.
   */
  ttfbMs: number;
  totalMs: number;
  /** Response body (decoded). */
  bytes: number;
  /** Request body, where the browser reports it. */
  sentBytes: number;
}

export interface Measured {
  /** Input event → first frame showing the result. */
  ms: number;
  /** Playwright wall clock around the action and the wait (includes the driver's own round trips). */
  wallMs: number;
  /** Response bodies of /api/ requests until the page was quiet again. */
  bytes: number;
  longTasks: number;
  maxLongTaskMs: number;
  /** Each long task: start relative to the input, and duration (ms). */
  longTaskList: Array<{ atMs: number; ms: number }>;
  requests: ApiRequest[];
}

export interface RunResult {
  interactions: Record<string, Measured>;
  /** document.getElementsByTagName('*').length at rest, per screen. */
  dom: Record<string, number>;
  /** JS heap used after a forced GC (MB), at rest. */
  heapMb: Record<string, number>;
  reportBytes: number;
  counts: Record<string, string>;
}

interface Spec {
  key: string;
  label: string;
  /** Target at the heavy user: ms (null: reported, not judged). */
  targetMs: number | null;
  /** Whether "no long task > 100 ms" applies (every click and keypress). */
  judgeLongTasks: boolean;
  /**
   * Whether no long task at all may occur: a what-if change never blocks the page more than 50 ms,
   * and a long task is a task over 50 ms (stricter than judgeLongTasks, which it replaces).
   */
  noLongTask?: boolean;
}

const TARGET_BYTES = 200 * 1000;
const TARGET_LONG_TASK_MS = 100;
const TARGET_DOM = 3000;
const TARGET_HEAP_MB = 80;

const INTERACTIONS: Spec[] = [
  {
    key: 'load.cold',
    label: 'open the app (host just started) → headline numbers',
    targetMs: 1000,
    judgeLongTasks: false,
  },
  {
    key: 'load.warm',
    label: 'reload the app (audit cached) → headline numbers',
    targetMs: 1000,
    judgeLongTasks: false,
  },
  { key: 'nav.findings', label: 'click "Findings" → first finding row', targetMs: 1000, judgeLongTasks: true },
  {
    key: 'revoke.one',
    label: 'Revoke (first row) → row and count show it planned',
    targetMs: 150,
    judgeLongTasks: true,
  },
  { key: 'undo.one', label: "toast's Undo → row and count restored", targetMs: 150, judgeLongTasks: true },
  { key: 'export', label: '"Export report" → file handed to the browser', targetMs: 150, judgeLongTasks: true },
  { key: 'sharing.open', label: 'open Sharing → preview visible', targetMs: 150, judgeLongTasks: true },
  {
    key: 'sharing.whatif',
    label: 'what-if: email → "Only me" → preview changed',
    targetMs: 150,
    judgeLongTasks: true,
    noLongTask: true,
  },
  { key: 'nav.people', label: 'click "People" → first person row', targetMs: 1000, judgeLongTasks: true },
  {
    key: 'people.search',
    label: 'People search: last keypress → exactly that person',
    targetMs: 150,
    judgeLongTasks: true,
  },
  { key: 'bulk.select', label: '"Select all … matching" → selection shown', targetMs: 150, judgeLongTasks: true },
  { key: 'bulk.ask', label: '"Revoke selected" → confirm dialog with its effect', targetMs: 150, judgeLongTasks: true },
  { key: 'bulk.revoke', label: 'confirm bulk revoke → list settled', targetMs: 2000, judgeLongTasks: true },
  {
    key: 'nav.revocations',
    label: 'click "Revocations" (after bulk) → first row',
    targetMs: 1000,
    judgeLongTasks: true,
  },
  { key: 'bulk.undo', label: 'Undo the bulk revoke → revocations count 0', targetMs: 2000, judgeLongTasks: true },
];

// ---------------------------------------------------------------------------------------------------
// In the page. This file is compiled without the DOM library: the page's globals, as far as used here.

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

/** Runs before the app's scripts on every load: long tasks, input timestamps, the result checks. */
export function installPageProbe(): void {
  const g = globalThis as unknown as PageGlobals;
  const doc = g.document;
  const text = (selector: string): string | null => doc.querySelector(selector)?.textContent?.trim() ?? null;
  const visible = (selector: string): boolean => (doc.querySelector(selector)?.getClientRects().length ?? 0) > 0;
  const firstRowState = (): boolean =>
    (doc.querySelector('[data-testid="finding"]')?.querySelector('[data-testid="revocation-state"]') ?? null) !== null;
  const STATS = ['connections', 'email', 'mobile', 'unfamiliar', 'score'];
  const checks: Record<string, (arg: string) => boolean> = {
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
  const state: BenchState = {
    longTasks: [],
    inputs: {},
    downloadAt: 0,
    numbersAt: 0,
    // Resolves with the time of the first animation frame in which the check holds.
    until: (check, arg, deadline) =>
      new Promise((resolve, reject) => {
        const started = g.performance.now();
        const tick = (): void => {
          if (checks[check]!(arg)) resolve(g.performance.now());
          else if (g.performance.now() - started > deadline) reject(new Error(`timed out: ${check} ${arg}`));
          else g.requestAnimationFrame(tick);
        };
        tick();
      }),
  };
  g.__bench = state;
  new g.PerformanceObserver((list) => {
    for (const e of list.getEntries()) state.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
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
  // Navigation → numbers: the first frame showing every headline number, from navigation start. Checked
  // when the page changes, not in every frame: a loop of animation frames would keep Chromium drawing
  // frames (≈ 80 ms of CPU a second) on the two cores the page and main share while they load.
  let framed = false;
  const watch = new g.MutationObserver(() => {
    if (framed || !checks.numbers!('')) return;
    framed = true;
    watch.disconnect();
    g.requestAnimationFrame(() => (state.numbersAt = g.performance.now()));
  });
  watch.observe(doc, { subtree: true, childList: true, characterData: true });
}

// ---------------------------------------------------------------------------------------------------
// The network, as the DevTools protocol reports it.

interface Pending {
  loaderId: string;
  seq: number;
  channel: string;
  api: boolean;
  startWall: number;
  startMono: number;
  ttfbMs: number;
  bytes: number;
  sentBytes: number;
}
interface Done extends Pending {
  endMono: number;
}

class ApiTraffic {
  seq = 0;
  /** The page's own frame: the first document it loads. */
  private mainFrame: string | undefined;
  readonly inflight = new Map<string, Pending>();
  readonly done: Done[] = [];

  constructor(cdp: CDPSession) {
    cdp.on('Network.requestWillBeSent', (e) => {
      // A new page (a reload) ends what the old one had open: Chromium does not always report those
      // requests as failed, and the old page will never read their answers.
      if (e.type === 'Document' && (this.mainFrame ??= e.frameId) === e.frameId)
        for (const [id, r] of this.inflight) if (r.loaderId !== e.loaderId) this.inflight.delete(id);
      const url = new URL(e.request.url);
      // The event stream stays open for the page's life (import progress); it is not an interaction's.
      if (!url.protocol.startsWith('http') || url.pathname === '/api/events') return;
      const api = url.pathname.startsWith('/api/');
      this.inflight.set(e.requestId, {
        loaderId: e.loaderId,
        seq: ++this.seq,
        channel: api ? decodeURIComponent(url.pathname.replace(/^\/api\/(invoke\/)?/, '')) : url.pathname,
        api,
        startWall: e.wallTime * 1000,
        startMono: e.timestamp,
        ttfbMs: 0,
        bytes: 0,
        sentBytes: e.request.postData?.length ?? 0,
      });
    });
    cdp.on('Network.responseReceived', (e) => {
      const r = this.inflight.get(e.requestId);
      const t = e.response.timing;
      if (r && t) r.ttfbMs = (t.requestTime - r.startMono) * 1000 + t.receiveHeadersEnd;
    });
    cdp.on('Network.dataReceived', (e) => {
      const r = this.inflight.get(e.requestId);
      if (r) r.bytes += e.dataLength;
    });
    const finish = (requestId: string, timestamp: number): void => {
      const r = this.inflight.get(requestId);
      if (!r) return;
      this.inflight.delete(requestId);
      this.done.push({ ...r, endMono: timestamp });
    };
    cdp.on('Network.loadingFinished', (e) => finish(e.requestId, e.timestamp));
    cdp.on('Network.loadingFailed', (e) => finish(e.requestId, e.timestamp));
  }

  since(seq: number, timeOrigin: number, inputAt: number): ApiRequest[] {
    return this.done
      .filter((r) => r.seq > seq)
      .sort((a, b) => a.seq - b.seq)
      .map((r) => ({
        channel: r.channel,
        api: r.api,
        atMs: round(r.startWall - timeOrigin - inputAt),
        ttfbMs: round(r.ttfbMs),
        totalMs: round((r.endMono - r.startMono) * 1000),
        bytes: r.bytes,
        sentBytes: r.sentBytes,
      }));
  }
}

const round = (x: number): number => Math.round(x * 10) / 10;

// ---------------------------------------------------------------------------------------------------
// The host and one session in the page.

export interface Host {
  url: string;
  stop(): Promise<void>;
}

export function startHost(build: string, db: string): Promise<Host> {
  const child = spawn(
    process.execPath,
    [join(build, 'main', 'host.js'), '--db', db, '--renderer', join(build, 'renderer'), '--now', NOW],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let deadline: NodeJS.Timeout | undefined;
  return new Promise<Host>((resolveHost, reject) => {
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /running at (http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]+)/.exec(out);
      if (m)
        resolveHost({
          url: m[1]!,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`host exited with ${code}: ${err}`)));
    deadline = setTimeout(() => reject(new Error(`host did not start: ${out}${err}`)), 30_000);
  }).finally(() => clearTimeout(deadline));
}

class Session {
  readonly result: RunResult = { interactions: {}, dom: {}, heapMb: {}, reportBytes: 0, counts: {} };
  private timeOrigin = 0;

  constructor(
    readonly page: Page,
    private readonly cdp: CDPSession,
    private readonly net: ApiTraffic,
  ) {}

  private frames(n: number): Promise<void> {
    return this.page.evaluate(
      (count) =>
        new Promise<void>((done) => {
          const g = globalThis as unknown as PageGlobals;
          let left = count;
          const tick = (): void => {
            if (--left <= 0) done();
            else g.requestAnimationFrame(tick);
          };
          g.requestAnimationFrame(tick);
        }),
      n,
    );
  }

  /** Until no /api/ request is open and none started over a few frames: the page is at rest. */
  async settle(): Promise<void> {
    const deadline = performance.now() + DEADLINE_MS;
    for (;;) {
      if (performance.now() > deadline)
        throw new Error(
          `the page never came to rest: ${this.net.inflight.size} open (${[...this.net.inflight.values()].map((r) => r.channel).join(', ')})`,
        );
      const seq = this.net.seq;
      await this.frames(3);
      if (this.net.inflight.size === 0 && this.net.seq === seq) {
        await this.frames(3);
        if (this.net.inflight.size === 0 && this.net.seq === seq) return;
      }
    }
  }

  private async until(check: string, arg: string): Promise<number> {
    return this.page.evaluate(([c, a, d]) => (globalThis as unknown as PageGlobals).__bench.until(c, a, d), [
      check,
      arg,
      DEADLINE_MS,
    ] as [string, string, number]);
  }

  private async holds(check: string, arg: string): Promise<boolean> {
    const at = await this.page
      .evaluate(([c, a]) => (globalThis as unknown as PageGlobals).__bench.until(c, a, 0), [check, arg] as [
        string,
        string,
      ])
      .catch(() => null);
    return at !== null;
  }

  private async longTasks(from: number): Promise<Array<{ atMs: number; ms: number }>> {
    const tasks = await this.page.evaluate(() => (globalThis as unknown as PageGlobals).__bench.longTasks);
    return tasks
      .filter((t) => t.start + t.duration > from)
      .map((t) => ({ atMs: round(t.start - from), ms: round(t.duration) }));
  }

  private record(
    key: string,
    m: Pick<Measured, 'ms' | 'wallMs' | 'requests'>,
    longTaskList: Array<{ atMs: number; ms: number }>,
  ): void {
    const bytes = sum(m.requests.filter((r) => r.api).map((r) => r.bytes));
    const maxLongTaskMs = Math.max(0, ...longTaskList.map((t) => t.ms));
    this.result.interactions[key] = { ...m, bytes, longTasks: longTaskList.length, maxLongTaskMs, longTaskList };
    if (process.env.BENCH_VERBOSE)
      process.stdout.write(
        `  ${key}: ${m.ms} ms, ${bytes} B, ${longTaskList.length} long tasks (max ${maxLongTaskMs} ms)\n`,
      );
  }

  /** Opens (or reloads) the app: navigation start → first frame with every headline number. */
  async load(key: string, open: () => Promise<unknown>): Promise<void> {
    const seq = this.net.seq;
    const wall = performance.now();
    await open();
    const at = await this.page.evaluate(
      (deadline) =>
        new Promise<number>((done, reject) => {
          const g = globalThis as unknown as PageGlobals;
          const tick = (): void => {
            if (g.__bench.numbersAt > 0) done(g.__bench.numbersAt);
            else if (g.performance.now() > deadline) reject(new Error('the headline numbers never showed'));
            else g.requestAnimationFrame(tick);
          };
          tick();
        }),
      DEADLINE_MS,
    );
    const wallMs = performance.now() - wall;
    this.timeOrigin = await this.page.evaluate(() => (globalThis as unknown as PageGlobals).performance.timeOrigin);
    await this.settle();
    const requests = this.net.since(seq, this.timeOrigin, 0);
    this.record(key, { ms: round(at), wallMs: round(wallMs), requests }, await this.longTasks(0));
  }

  /**
   * One interaction: `act` performs the input (its event kind names the start), `check`/`arg` the
   * visible result. The check must not hold before the input, or the measurement would be void.
   */
  async interact(
    key: string,
    input: 'click' | 'keydown' | 'change',
    act: () => Promise<unknown>,
    check: string,
    arg = '',
  ): Promise<void> {
    await this.settle();
    if (await this.holds(check, arg)) throw new Error(`${key}: ${check}(${arg}) holds before the input`);
    const before = await this.page.evaluate(
      (type) => (globalThis as unknown as PageGlobals).__bench.inputs[type] ?? -1,
      input,
    );
    const seq = this.net.seq;
    const wall = performance.now();
    const result = this.until(check, arg);
    await act();
    const at = await result;
    const wallMs = performance.now() - wall;
    const inputAt = await this.page.evaluate(
      (type) => (globalThis as unknown as PageGlobals).__bench.inputs[type] ?? -1,
      input,
    );
    if (inputAt === before) throw new Error(`${key}: no ${input} event reached the page`);
    await this.settle();
    const requests = this.net.since(seq, this.timeOrigin, inputAt);
    this.record(key, { ms: round(at - inputAt), wallMs: round(wallMs), requests }, await this.longTasks(inputAt));
  }

  async atRest(screen: string, heap = false): Promise<void> {
    await this.settle();
    this.result.dom[screen] = await this.page.evaluate(
      () => (globalThis as unknown as PageGlobals).document.getElementsByTagName('*').length,
    );
    if (heap) {
      await this.cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await this.cdp.send('Runtime.getHeapUsage');
      this.result.heapMb[screen] = round(usedSize / 1024 ** 2);
    }
  }

  text(selector: string): Promise<string> {
    return this.page.evaluate(
      (s) => (globalThis as unknown as PageGlobals).document.querySelector(s)?.textContent?.trim() ?? '',
      selector,
    );
  }
}

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

/** One run for one user: a fresh copy of the database, a fresh host, a fresh browser context. */
async function runOnce(
  browser: Browser,
  build: string,
  pristine: string,
  work: string,
  user: User,
): Promise<RunResult> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(work + suffix, { force: true });
  copyFileSync(pristine, work);
  const host = await startHost(build, work);
  const context = await browser.newContext({
    viewport: VIEWPORT,
    locale: 'en-US',
    timezoneId: 'UTC',
    acceptDownloads: true,
  });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    // tsx keeps function names with a helper the page does not have; the probe's functions need it.
    await page.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
    await page.addInitScript(installPageProbe);
    const cdp = await context.newCDPSession(page);
    const net = new ApiTraffic(cdp);
    await cdp.send('Network.enable', { maxTotalBufferSize: 0, maxResourceBufferSize: 0 });
    const s = new Session(page, cdp, net);

    const nav = (name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true });
    const toast = page.getByTestId('toast');
    const count = '[data-testid="findings-count"]';

    await s.load('load.cold', () => page.goto(host.url));
    await s.atRest('overview');
    await s.load('load.warm', () => page.reload());
    await s.atRest('overview');

    await s.interact('nav.findings', 'click', () => nav('Findings').click(), 'visible', '[data-testid="finding"]');
    await s.atRest('findings', true);
    const all = await s.text(count);
    s.result.counts.findings = all;
    await s.interact(
      'revoke.one',
      'click',
      () => page.getByTestId('finding').first().getByRole('button', { name: 'Revoke', exact: true }).click(),
      'firstRowPlanned',
    );
    s.result.counts.afterRevokeOne = `${await s.text(count)} ${await s.text('[data-testid="planned-count"]')}`;
    await s.interact('undo.one', 'click', () => toast.getByRole('button', { name: 'Undo' }).click(), 'firstRowUndone');

    // The format is chosen in a dialog first (HTML, the default); the export itself is measured.
    await page.getByRole('button', { name: 'Export report', exact: true }).click();
    const download = page.waitForEvent('download', { timeout: DEADLINE_MS });
    const since = await page.evaluate(() => (globalThis as unknown as PageGlobals).__bench.downloadAt);
    await s.interact(
      'export',
      'click',
      () => page.getByTestId('export-dialog').getByRole('button', { name: 'Export', exact: true }).click(),
      'downloaded',
      String(since),
    );
    const file = await (await download).path();
    s.result.reportBytes = statSync(file).size;

    await s.interact(
      'sharing.open',
      'click',
      () => page.getByRole('button', { name: 'Sharing', exact: true }).click(),
      'visible',
      '[data-testid="sharing-preview"]',
    );
    await s.atRest('sharing dialog');
    const preview = await s.text('[data-testid="sharing-preview"]');
    await s.interact(
      'sharing.whatif',
      'change',
      () => page.getByTestId('li-email').selectOption('only-me'),
      'textNot',
      JSON.stringify(['[data-testid="sharing-preview"]', preview]),
    );
    await page.getByTestId('sharing-dialog').getByRole('button', { name: 'Cancel', exact: true }).click();
    await page.getByTestId('sharing-dialog').waitFor({ state: 'detached' });

    await s.interact('nav.people', 'click', () => nav('People').click(), 'visible', '[data-testid="person"]');
    await s.atRest('people');
    const name = SEARCH[user];
    const people = await s.text('[data-testid="people-count"]');
    await page.getByRole('searchbox').fill(name.slice(0, -1));
    await page.waitForFunction(
      ([sel, before]) => (globalThis as unknown as PageGlobals).document.querySelector(sel)?.textContent !== before,
      ['[data-testid="people-count"]', people] as [string, string],
      { polling: 'raf', timeout: DEADLINE_MS },
    );
    await s.settle();
    s.result.counts.searchPrefix = await s.text('[data-testid="people-count"]');
    await s.interact('people.search', 'keydown', () => page.keyboard.press(name.slice(-1)), 'onlyPerson', name);

    await nav('Findings').click();
    await page.locator('[data-testid="finding"]').first().waitFor();
    await s.settle();
    const noneSelected = await s.text('[data-testid="selection-bar"] span');
    await s.interact(
      'bulk.select',
      'click',
      () => page.getByRole('button', { name: /^Select (all|the) .* matching the filter$/ }).click(),
      'textNot',
      JSON.stringify(['[data-testid="selection-bar"] span', noneSelected]),
    );
    s.result.counts.selected = await s.text('[data-testid="selection-bar"] span');
    await s.interact(
      'bulk.ask',
      'click',
      () => page.getByRole('button', { name: /^Revoke selected/ }).click(),
      'visible',
      '[data-testid="revoke-effect"]',
    );
    const effect = await s.text('[data-testid="revoke-effect"]');
    s.result.counts.bulkEffect = effect;
    // "60,000 findings: remove 30,000 connections. …"
    const revoked = /^[\d,]+/.exec(effect)?.[0] ?? effect;
    await s.interact(
      'bulk.revoke',
      'click',
      () => page.getByTestId('revoke-dialog').getByRole('button', { name: 'Revoke', exact: true }).click(),
      'bulkPlanned',
      revoked,
    );
    s.result.counts.afterBulk = `${await s.text(count)} ${await s.text('[data-testid="planned-count"]')}`;
    await s.atRest('findings after bulk revoke', true);
    await s.interact(
      'nav.revocations',
      'click',
      () => nav('Revocations').click(),
      'visible',
      '[data-testid="revocation"]',
    );
    await s.atRest('revocations after bulk revoke');
    s.result.counts.revocations = await s.text('[data-testid="revocations-count"]');
    await s.interact(
      'bulk.undo',
      'click',
      () => toast.getByRole('button', { name: 'Undo' }).click(),
      'textIs',
      JSON.stringify(['[data-testid="revocations-count"]', '0']),
    );
    await nav('Plan').click();
    await page.getByTestId('plan-total').waitFor({ timeout: DEADLINE_MS });
    await s.atRest('plan', true);
    await nav('History').click();
    await page.getByTestId('history-screen').waitFor();
    await s.atRest('history');
    await nav('Findings').click();
    await page.locator('[data-testid="finding"]').first().waitFor();
    await s.atRest('findings at the end', true);
    s.result.counts.findingsAtEnd = await s.text(count);
    if (errors.length > 0) process.stderr.write(`[${user}] page errors: ${errors.join(' | ')}\n`);
    return s.result;
  } finally {
    await context.close();
    await host.stop();
  }
}

// ---------------------------------------------------------------------------------------------------
// Medians, verdicts, the table.

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export interface Summary {
  ms: number;
  wallMs: number;
  bytes: number;
  longTasks: number;
  maxLongTaskMs: number;
  /** The median run (by time): its requests and long tasks are the evidence for where the time goes. */
  requests: ApiRequest[];
  longTaskList: Array<{ atMs: number; ms: number }>;
}

function summarise(runs: RunResult[], key: string): Summary {
  const ms = runs.map((r) => r.interactions[key]!);
  const byTime = [...ms].sort((a, b) => a.ms - b.ms)[Math.floor(ms.length / 2)]!;
  return {
    ms: median(ms.map((m) => m.ms)),
    wallMs: median(ms.map((m) => m.wallMs)),
    bytes: median(ms.map((m) => m.bytes)),
    longTasks: median(ms.map((m) => m.longTasks)),
    maxLongTaskMs: median(ms.map((m) => m.maxLongTaskMs)),
    requests: byTime.requests,
    longTaskList: byTime.longTaskList,
  };
}

function verdict(spec: Spec, s: Summary): string {
  const missed: string[] = [];
  if (spec.targetMs !== null && s.ms > spec.targetMs) missed.push('time');
  if (s.bytes > TARGET_BYTES) missed.push('bytes');
  if (spec.noLongTask ? s.longTasks > 0 : spec.judgeLongTasks && s.maxLongTaskMs > TARGET_LONG_TASK_MS)
    missed.push('long task');
  return missed.length === 0 ? 'PASS' : `FAIL (${missed.join(', ')})`;
}

const fmtMs = (ms: number): string => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
const fmtBytes = (b: number): string =>
  b >= 1e6 ? `${(b / 1e6).toFixed(1)} MB` : b >= 1000 ? `${(b / 1000).toFixed(1)} kB` : `${b} B`;
const fmtLong = (s: Summary): string =>
  s.longTasks === 0 ? '0 LT' : `${s.longTasks} LT ≤${Math.round(s.maxLongTaskMs)}`;
const cell = (s: Summary): string => `${fmtMs(s.ms)} · ${fmtBytes(s.bytes)} · ${fmtLong(s)}`;

export interface UiBenchResult {
  date: string;
  /** What was measured: the commit the build was made from. */
  commit: string;
  runs: number;
  machine: string;
  browser: string;
  viewport: typeof VIEWPORT;
  targets: { bytes: number; longTaskMs: number; dom: number; heapMb: number };
  users: Record<
    User,
    {
      interactions: Record<string, Summary>;
      dom: Record<string, number>;
      heapMb: Record<string, number>;
      reportBytes: number;
      counts: Record<string, string>;
    }
  >;
  verdicts: Record<string, string>;
  raw: Record<User, RunResult[]>;
}

function table(result: UiBenchResult): string {
  const { demo, heavy } = result.users;
  const lines = [
    '| interaction (time · /api/ bytes · long tasks) | demo | heavy | heavy: target | |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const spec of INTERACTIONS) {
    const target = [
      spec.targetMs === null ? null : `≤ ${fmtMs(spec.targetMs)}`,
      '≤ 200 kB',
      spec.noLongTask ? 'no LT (none > 50 ms)' : spec.judgeLongTasks ? 'no LT > 100 ms' : null,
    ]
      .filter(Boolean)
      .join(', ');
    lines.push(
      `| ${spec.label} | ${cell(demo.interactions[spec.key]!)} | ${cell(heavy.interactions[spec.key]!)} | ${target} | ${result.verdicts[spec.key]} |`,
    );
  }
  lines.push(`| report file size | ${fmtBytes(demo.reportBytes)} | ${fmtBytes(heavy.reportBytes)} | | |`);
  for (const screen of Object.keys(heavy.dom)) {
    lines.push(
      `| DOM elements at rest: ${screen} | ${demo.dom[screen]} | ${heavy.dom[screen]} | ≤ ${TARGET_DOM} | ${result.verdicts[`dom:${screen}`]} |`,
    );
  }
  for (const screen of Object.keys(heavy.heapMb)) {
    lines.push(
      `| JS heap after GC: ${screen} | ${demo.heapMb[screen]} MB | ${heavy.heapMb[screen]} MB | ≤ ${TARGET_HEAP_MB} MB | ${result.verdicts[`heap:${screen}`]} |`,
    );
  }
  return lines.join('\n');
}

/** Where the time goes: the heavy user's requests per interaction (median run), with the host's time. */
function evidence(result: UiBenchResult): string {
  const lines: string[] = [];
  for (const spec of INTERACTIONS) {
    const s = result.users.heavy.interactions[spec.key]!;
    const reqs = s.requests.map((r) =>
      r.api
        ? `${r.channel} @${Math.round(r.atMs)}: first byte after ${Math.round(r.ttfbMs)} ms, done after ${Math.round(r.totalMs)} ms, ${fmtBytes(r.bytes)}`
        : `asset ${r.channel} @${Math.round(r.atMs)}: ${Math.round(r.totalMs)} ms`,
    );
    const tasks = s.longTaskList.map((t) => `long task @${Math.round(t.atMs)}: ${Math.round(t.ms)} ms`);
    lines.push(
      `${spec.key} — ${fmtMs(s.ms)} (wall ${fmtMs(s.wallMs)}):\n    ${[...reqs, ...tasks].join('\n    ') || 'no request, no long task'}`,
    );
  }
  return lines.join('\n');
}

function prepareDatabases(dataDir: string, exportDir: string): Record<User, string> {
  mkdirSync(dataDir, { recursive: true });
  const dbs = { demo: join(dataDir, 'ui-demo.db'), heavy: join(dataDir, 'ui-heavy.db') };
  for (const user of USERS) {
    const db = dbs[user];
    for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
    const args = user === 'demo' ? ['demo', '--db', db] : ['import', exportDir, '--db', db];
    const r = spawnSync(process.execPath, [join(root, 'bin', 'shareaudit.mjs'), ...args], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`bench:ui: loading the ${user} user failed: ${r.stderr}`);
  }
  return dbs;
}

export async function runUiBench(options: {
  dataDir: string;
  exportDir: string;
  runs: number;
}): Promise<UiBenchResult> {
  const { dataDir, exportDir, runs } = options;
  // The host runs from a copy of the build: out/ is shared with whoever rebuilds it meanwhile.
  const build = join(dataDir, 'ui-build');
  if (!existsSync(join(root, 'out', 'main', 'host.js'))) throw new Error('bench:ui: build first (out/main/host.js)');
  rmSync(build, { recursive: true, force: true });
  for (const part of ['main', 'renderer']) cpSync(join(root, 'out', part), join(build, part), { recursive: true });
  const dbs = prepareDatabases(dataDir, exportDir);
  const loadBefore = loadavg();
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--font-render-hinting=none',
    ],
  });
  const raw: Record<User, RunResult[]> = { demo: [], heavy: [] };
  const version = browser.version();
  try {
    for (let i = 0; i < runs; i++) {
      for (const user of USERS) {
        process.stdout.write(`UI bench: run ${i + 1}/${runs}, ${user} user…\n`);
        raw[user].push(await runOnce(browser, build, dbs[user], join(dataDir, `ui-run-${user}.db`), user));
      }
    }
  } finally {
    await browser.close();
  }
  for (const user of USERS)
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dataDir, `ui-run-${user}.db${suffix}`), { force: true });

  const users = Object.fromEntries(
    USERS.map((user) => {
      const rs = raw[user];
      const keys = <K extends 'dom' | 'heapMb'>(k: K) =>
        Object.fromEntries(Object.keys(rs[0]![k]).map((screen) => [screen, median(rs.map((r) => r[k][screen]!))]));
      return [
        user,
        {
          interactions: Object.fromEntries(INTERACTIONS.map((spec) => [spec.key, summarise(rs, spec.key)])),
          dom: keys('dom'),
          heapMb: keys('heapMb'),
          reportBytes: median(rs.map((r) => r.reportBytes)),
          counts: rs[0]!.counts,
        },
      ];
    }),
  ) as UiBenchResult['users'];

  const verdicts: Record<string, string> = {};
  for (const spec of INTERACTIONS) verdicts[spec.key] = verdict(spec, users.heavy.interactions[spec.key]!);
  for (const [screen, n] of Object.entries(users.heavy.dom))
    verdicts[`dom:${screen}`] = n <= TARGET_DOM ? 'PASS' : 'FAIL';
  for (const [screen, mb] of Object.entries(users.heavy.heapMb))
    verdicts[`heap:${screen}`] = mb <= TARGET_HEAP_MB ? 'PASS' : 'FAIL';

  const date = new Date().toISOString();
  const git = (args: string[]): string => spawnSync('git', args, { cwd: root, encoding: 'utf8' }).stdout?.trim() ?? '';
  const commit =
    (git(['rev-parse', '--short', 'HEAD']) || 'unknown') +
    (git(['status', '--porcelain', '--', 'electron', 'renderer', 'shared', 'bin']) ? ' with uncommitted changes' : '');
  const result: UiBenchResult = {
    date,
    commit,
    runs,
    machine:
      `${availableParallelism()} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}; ` +
      `load average ${loadBefore[0]!.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after`,
    browser: `Chromium ${version} (${executablePath}), headless`,
    viewport: VIEWPORT,
    targets: { bytes: TARGET_BYTES, longTaskMs: TARGET_LONG_TASK_MS, dom: TARGET_DOM, heapMb: TARGET_HEAP_MB },
    users,
    verdicts,
    raw,
  };

  const out = join(root, 'bench', 'results');
  mkdirSync(out, { recursive: true });
  const file = join(out, `ui-${date.slice(0, 10)}.json`);
  writeFileSync(file, JSON.stringify(result, null, 2));
  const busy = Math.max(loadBefore[0]!, loadavg()[0]!) > availableParallelism();
  process.stdout.write(
    (busy
      ? `\nNote: the machine was busy (load average above its ${availableParallelism()} cores): times are inflated.\n`
      : '') +
      `\nUI benchmark at ${commit}, ${date.slice(0, 10)}: medians of ${runs} run(s) — ${result.browser}, ${VIEWPORT.width}×${VIEWPORT.height}; ${result.machine}\n` +
      `Time: input event → first frame showing the result (page clock). LT: long tasks (count ≤ longest ms).\n` +
      `Demo: ${users.demo.counts.findings} findings; heavy: ${users.heavy.counts.findings} findings, bulk: "${users.heavy.counts.bulkEffect}"\n\n` +
      `${table(result)}\n\nHeavy user, where the time goes (median run; @ms after the input; "first byte after" = the host's\n` +
      `queue and compute time on the loopback; long tasks in the page):\n` +
      `${evidence(result)}\n\nWritten to ${file}\n`,
  );
  return result;
}

// `npm run bench:ui`: build, generate the heavy export, measure.
if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  buildApp('bench:ui');
  const dataDir = join(root, 'bench', '.data');
  const exportDir = await generateHeavyExport(dataDir);
  await runUiBench({ dataDir, exportDir, runs: Number(process.env.BENCH_RUNS ?? 3) });
}
