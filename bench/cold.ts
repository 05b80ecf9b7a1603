/**
 * `npm run bench:cold`: only the cold start of the UI benchmark (bench/ui.ts) — a fresh host on a fresh
 * copy of the heavy user's database, navigation → the first frame with every headline number — repeated
 * (BENCH_RUNS, default 7) and printed with the median and where the time went. Quicker to iterate on
 * than the whole UI benchmark; the numbers are the same measurement.
 */
import { copyFileSync, cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { installPageProbe, startHost, type PageGlobals } from './ui';

const root = join(import.meta.dirname, '..');
const dataDir = join(root, 'bench', '.data');
const pristine = join(dataDir, process.env.BENCH_USER === 'demo' ? 'ui-demo.db' : 'ui-heavy.db');
if (!existsSync(pristine)) throw new Error(`bench:cold: run npm run bench:ui once first (${pristine} is missing)`);
// BENCH_BUILDS: builds to compare (folders like out/, comma-separated), run alternately; default out/.
const builds = (process.env.BENCH_BUILDS ?? join(root, 'out')).split(',').map((out, i) => {
  const build = join(dataDir, `cold-build-${i}`);
  rmSync(build, { recursive: true, force: true });
  for (const part of ['main', 'renderer']) cpSync(join(out, part), join(build, part), { recursive: true });
  return { out, build, times: [] as number[] };
});
const work = join(dataDir, 'cold-run.db');
const runs = Number(process.env.BENCH_RUNS ?? 7);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--font-render-hinting=none'],
});
try {
  for (let i = 0; i < runs; i++)
    for (const { build, times, out } of builds) {
      for (const suffix of ['', '-wal', '-shm']) rmSync(work + suffix, { force: true });
      copyFileSync(pristine, work);
      const host = await startHost(build, work);
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
      try {
        const page = await context.newPage();
        await page.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
        await page.addInitScript(installPageProbe);
        await page.goto(host.url);
        // Waited for without a loop of animation frames: it would keep Chromium drawing while the page loads.
        const at = await page.evaluate(() => (globalThis as unknown as PageGlobals).__bench.numbersShown(120_000));
        const entries = await page.evaluate(() =>
          (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map(
            (e) =>
              `${e.name
                .replace(/^.*\/(assets\/|api\/)?/, '')
                .slice(0, 28)
                .padEnd(28)} ${e.startTime.toFixed(0).padStart(5)}→${e.responseEnd.toFixed(0).padStart(5)}`,
          ),
        );
        times.push(at);
        process.stdout.write(
          `run ${i + 1} (${out}): ${at.toFixed(0)} ms\n${process.env.BENCH_VERBOSE ? `  ${entries.join('\n  ')}\n` : ''}`,
        );
      } finally {
        await context.close();
        await host.stop();
      }
    }
} finally {
  await browser.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(work + suffix, { force: true });
}
for (const { out, times } of builds) {
  const sorted = [...times].sort((a, b) => a - b);
  process.stdout.write(`${out}: `);
  process.stdout.write(
    `cold start → headline numbers: median ${sorted[Math.floor(runs / 2)]!.toFixed(0)} ms of ${runs} (min ${sorted[0]!.toFixed(0)}, max ${sorted.at(-1)!.toFixed(0)})\n`,
  );
}
