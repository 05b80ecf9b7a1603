/**
 * From runs to the result: medians per interaction and screen, the verdicts against the heavy user's
 * targets, and the printed report — the table (demo and heavy side by side) and, for the heavy user,
 * where the time goes.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { root, USERS, VIEWPORT, type User } from './config';
import type { ApiRequest, RunResult } from './results';
import { INTERACTIONS, TARGET_BYTES, TARGET_DOM, TARGET_HEAP_MB, TARGET_LONG_TASK_MS, type Spec } from './targets';

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

/** Per user: the medians of every interaction and screen over the runs. */
export function summariseUsers(raw: Record<User, RunResult[]>): UiBenchResult['users'] {
  return Object.fromEntries(
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
}

/** The heavy user against the targets: per interaction, per screen's DOM and heap. */
export function judge(users: UiBenchResult['users']): Record<string, string> {
  const verdicts: Record<string, string> = {};
  for (const spec of INTERACTIONS) verdicts[spec.key] = verdict(spec, users.heavy.interactions[spec.key]!);
  for (const [screen, n] of Object.entries(users.heavy.dom))
    verdicts[`dom:${screen}`] = n <= TARGET_DOM ? 'PASS' : 'FAIL';
  for (const [screen, mb] of Object.entries(users.heavy.heapMb))
    verdicts[`heap:${screen}`] = mb <= TARGET_HEAP_MB ? 'PASS' : 'FAIL';
  return verdicts;
}

/** What was measured: the commit of the build, marked when the app's sources have uncommitted changes. */
export function measuredCommit(): string {
  const git = (args: string[]): string => spawnSync('git', args, { cwd: root, encoding: 'utf8' }).stdout?.trim() ?? '';
  return (
    (git(['rev-parse', '--short', 'HEAD']) || 'unknown') +
    (git(['status', '--porcelain', '--', 'electron', 'renderer', 'shared', 'bin']) ? ' with uncommitted changes' : '')
  );
}

/** The machine, with its load average before the runs and now. */
export function describeMachine(loadBefore: number[]): string {
  return (
    `${availableParallelism()} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}; ` +
    `load average ${loadBefore[0]!.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after`
  );
}

/** Writes the result to bench/results/ui-<date>.json and prints the report. */
export function writeAndPrint(result: UiBenchResult, loadBefore: number[]): void {
  const { date, commit, runs, users } = result;
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
}
