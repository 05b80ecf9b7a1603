/**
 * One session in the page: times each interaction (input event → first frame showing the result),
 * waits until the page is at rest, and records the requests, long tasks, DOM size and heap of a run.
 */
import type { CDPSession, Page } from '@playwright/test';
import { DEADLINE_MS } from './config';
import type { PageGlobals } from './page-probe';
import { round, type Measured, type RunResult } from './results';
import type { ApiTraffic } from './traffic';

export class Session {
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
      (deadline) => (globalThis as unknown as PageGlobals).__bench.numbersShown(deadline),
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
