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
 *
 * The parts are in bench/ui/: config (settings), targets (the interactions and their targets),
 * page-probe (what runs in the page), traffic (the network over the DevTools protocol), host,
 * session (timing one interaction), scenario (one run), setup (build copy, databases, browser) and
 * report (medians, verdicts, the table).
 */
import type { Browser } from '@playwright/test';
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { buildApp } from './build';
import { generateHeavyExport } from './generate';
import { root, USERS, VIEWPORT, type User } from './ui/config';
import { describeMachine, judge, measuredCommit, summariseUsers, writeAndPrint, type UiBenchResult } from './ui/report';
import type { RunResult } from './ui/results';
import { runOnce } from './ui/scenario';
import { copyBuild, launchBrowser, prepareDatabases } from './ui/setup';
import { TARGET_BYTES, TARGET_DOM, TARGET_HEAP_MB, TARGET_LONG_TASK_MS } from './ui/targets';

export { startHost, type Host } from './ui/host';
export { installPageProbe, type BenchState, type PageGlobals } from './ui/page-probe';
export type { Summary, UiBenchResult } from './ui/report';
export type { ApiRequest, Measured, RunResult } from './ui/results';

export async function runUiBench(options: {
  dataDir: string;
  exportDir: string;
  runs: number;
}): Promise<UiBenchResult> {
  const { dataDir, exportDir, runs } = options;
  const build = copyBuild(dataDir);
  const dbs = prepareDatabases(dataDir, exportDir);
  const loadBefore = loadavg();
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const browser = await launchBrowser(executablePath);
  const version = browser.version();
  let raw: Record<User, RunResult[]>;
  try {
    raw = await measureRuns(browser, build, dbs, dataDir, runs);
  } finally {
    await browser.close();
  }
  for (const user of USERS)
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dataDir, `ui-run-${user}.db${suffix}`), { force: true });

  const users = summariseUsers(raw);
  const verdicts = judge(users);
  const date = new Date().toISOString();
  const commit = measuredCommit();
  const result: UiBenchResult = {
    date,
    commit,
    runs,
    machine: describeMachine(loadBefore),
    browser: `Chromium ${version} (${executablePath}), headless`,
    viewport: VIEWPORT,
    targets: { bytes: TARGET_BYTES, longTaskMs: TARGET_LONG_TASK_MS, dom: TARGET_DOM, heapMb: TARGET_HEAP_MB },
    users,
    verdicts,
    raw,
  };
  writeAndPrint(result, loadBefore);
  return result;
}

/** The runs, each user in turn within a run. */
async function measureRuns(
  browser: Browser,
  build: string,
  dbs: Record<User, string>,
  dataDir: string,
  runs: number,
): Promise<Record<User, RunResult[]>> {
  const raw: Record<User, RunResult[]> = { demo: [], heavy: [] };
  for (let i = 0; i < runs; i++) {
    for (const user of USERS) {
      process.stdout.write(`UI bench: run ${i + 1}/${runs}, ${user} user…\n`);
      raw[user].push(await runOnce(browser, build, dbs[user], join(dataDir, `ui-run-${user}.db`), user));
    }
  }
  return raw;
}

// `npm run bench:ui`: build, generate the heavy export, measure.
if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  buildApp('bench:ui');
  const dataDir = join(root, 'bench', '.data');
  const exportDir = await generateHeavyExport(dataDir);
  await runUiBench({ dataDir, exportDir, runs: Number(process.env.BENCH_RUNS ?? 3) });
}
