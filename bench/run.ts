/**
 * `npm run bench`: import speed and memory against the sqlite3 shell's raw CSV import, and the
 * audit over the imported heavy user, then the UI (bench/ui.ts). Medians of several runs; numbers are
 * printed, not asserted.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { computeAudit } from '../shared/audit';
import { openDatabase } from '../electron/services/db';
import { loadAuditInput } from '../electron/services/store';
import { generateHeavyExport } from './generate';
import { buildApp } from './build';
import { runUiBench } from './ui';

const root = join(import.meta.dirname, '..');
const dataDir = join(root, 'bench', '.data');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function timed(cmd: string, args: string[], input?: string): { ms: number; stderr: string } {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', input, maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return { ms, stderr: r.stderr };
}

// Measure what ships: the built CLI (bin/shareaudit.mjs falls back to transpiling when out/ is stale).
buildApp('bench');

const exportDir = await generateHeavyExport(dataDir);
const mb =
  (statSync(join(exportDir, 'Connections.csv')).size + statSync(join(exportDir, 'messages.csv')).size) / 1024 ** 2;
process.stdout.write(
  `Heavy export: 30,000 connections, 300,000 messages, ${mb.toFixed(1)} MB of CSV (${exportDir})\n` +
    `Machine: ${availableParallelism()} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}\n\n`,
);

const db = join(dataDir, 'bench.db');

/** `shareaudit import` of one export into a new database: wall time and peak memory. */
function importIntoFreshDb(dir: string): { ms: number; peakMb: number } {
  for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  const r = timed(process.execPath, [
    '--import',
    join(root, 'bench', 'rss-hook.mjs'),
    join(root, 'bin', 'shareaudit.mjs'),
    'import',
    dir,
    '--db',
    db,
  ]);
  return { ms: r.ms, peakMb: Number(/BENCH_MAX_RSS_KB=(\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024 };
}

/**
 * The ZIP users actually have: the same export as LinkedIn sends it (deflated, the CSVs at the top).
 * Made once, next to the export.
 */
function exportZip(dir: string): string {
  const path = `${dir}.zip`;
  if (existsSync(path)) return path;
  const entries: Record<string, Uint8Array> = {};
  for (const name of readdirSync(dir)) entries[name] = readFileSync(join(dir, name));
  writeFileSync(path, zipSync(entries, { level: 6 }));
  return path;
}
const zipPath = exportZip(exportDir);

// A/B in each run: the folder, the ZIP and the raw sqlite3 import, one after the other.
const ours: number[] = [];
const oursZip: number[] = [];
const rss: number[] = [];
const raw: number[] = [];
const rawDb = join(dataDir, 'raw.db');
for (let i = 0; i < RUNS; i++) {
  rmSync(rawDb, { force: true });
  const r = importIntoFreshDb(exportDir);
  ours.push(r.ms);
  rss.push(r.peakMb);
  const z = importIntoFreshDb(zipPath);
  oursZip.push(z.ms);
  rss.push(z.peakMb);
  raw.push(
    timed(
      'sqlite3',
      [rawDb],
      `.mode csv\n.import --skip 3 ${join(exportDir, 'Connections.csv')} connections\n.import ${join(exportDir, 'messages.csv')} messages\n`,
    ).ms,
  );
}

const audits: number[] = [];
const whatIfs: number[] = [];
const handle = openDatabase(db);
let findings = 0;
let pairs = 0;
for (let i = 0; i < Math.max(RUNS, 5); i++) {
  const start = process.hrtime.bigint();
  const audit = computeAudit(loadAuditInput(handle), 'en', new Date());
  audits.push(Number(process.hrtime.bigint() - start) / 1e6);
  findings = audit.findings.length;
  pairs = audit.byField.reduce((n, r) => n + r.visibleTo + r.revoked, 0);
}
// What-if: the renderer holds the input and re-runs the pure audit in preview mode on every change.
const input = loadAuditInput(handle);
for (let i = 0; i < 25; i++) {
  const declared = { value: i % 2 === 0 ? ('only-me' as const) : ('first-degree' as const), declared: true };
  const changed = {
    ...input,
    sharing: { ...input.sharing, linkedin: { ...input.sharing.linkedin, phoneVisibility: declared } },
  };
  const t = process.hrtime.bigint();
  computeAudit(changed, 'en', new Date(), undefined, undefined, 'preview');
  if (i >= 5) whatIfs.push(Number(process.hrtime.bigint() - t) / 1e6);
}
handle.close();

// A messages.csv of about 500 MB must be streamed: peak memory stays flat however big the file.
let hugeLine = '';
if (!process.env.BENCH_SKIP_HUGE) {
  const hugeDir = await generateHeavyExport(dataDir, 30_000, 1_700_000);
  const hugeMb = statSync(join(hugeDir, 'messages.csv')).size / 1024 ** 2;
  const r = importIntoFreshDb(hugeDir);
  hugeLine = `${(r.ms / 1000).toFixed(1)} s, peak memory ${r.peakMb.toFixed(0)} MB for a ${hugeMb.toFixed(0)} MB messages.csv (target ≤ 300 MB)`;
}

const row = (name: string, value: string): string => `${name.padEnd(48)}${value}\n`;
// Every run, in order: the spread the medians come from (the VM's speed swings from run to run).
if (process.env.BENCH_VERBOSE)
  for (const [name, times] of [
    ['folder', ours],
    ['ZIP', oursZip],
    ['raw sqlite3', raw],
  ] as const)
    process.stdout.write(row(`  ${name}, each run (ms)`, times.map((t) => t.toFixed(0)).join(' ')));
process.stdout.write(row('shareaudit import (median)', `${median(ours).toFixed(0)} ms`));
process.stdout.write(row('sqlite3 .import of the same two CSVs (median)', `${median(raw).toFixed(0)} ms`));
process.stdout.write(row('ratio (target ≤ 1.0)', (median(ours) / median(raw)).toFixed(2)));
process.stdout.write(row('shareaudit import of the export as a ZIP (median)', `${median(oursZip).toFixed(0)} ms`));
process.stdout.write(row('ZIP ratio to sqlite3 (target ≤ 1.0)', (median(oursZip) / median(raw)).toFixed(2)));
process.stdout.write(
  row('shareaudit import peak memory (max of runs)', `${Math.max(...rss).toFixed(0)} MB (target ≤ 300 MB)`),
);
process.stdout.write(
  row(
    'full audit, load + evaluate (median)',
    `${median(audits).toFixed(0)} ms for ${findings} findings (target ≤ 1000 ms)`,
  ),
);
process.stdout.write(
  row(
    'what-if re-evaluation (median)',
    `${median(whatIfs).toFixed(0)} ms over ${pairs} (detail × person) pairs (target ≤ 100 ms)`,
  ),
);
if (hugeLine) process.stdout.write(row('import of a ~500 MB messages.csv (streamed)', hugeLine));

// The UI against the browser host, demo and heavy user side by side (bench/ui.ts; alone: npm run bench:ui).
if (!process.env.BENCH_SKIP_UI) {
  process.stdout.write('\n');
  await runUiBench({ dataDir, exportDir, runs: RUNS });
}
