/**
 * What one run measures: per interaction its time, the /api/ requests it caused and the long tasks
 * in the page; per screen the DOM size and the JS heap at rest.
 */

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

/** Measured values are kept to a tenth (of a millisecond, of a MB). */
export const round = (x: number): number => Math.round(x * 10) / 10;
