/**
 * Before the runs: the benchmark's own copy of the build, the two users' databases (the demo user and
 * the imported heavy export), and the headless Chromium the runs share.
 */
import { chromium, type Browser } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { root, USERS, type User } from './config';

/** Copies out/ into the data folder and returns the copy (its main/ and renderer/). */
export function copyBuild(dataDir: string): string {
  // The host runs from a copy of the build: out/ is shared with whoever rebuilds it meanwhile.
  const build = join(dataDir, 'ui-build');
  if (!existsSync(join(root, 'out', 'main', 'host.js'))) throw new Error('bench:ui: build first (out/main/host.js)');
  rmSync(build, { recursive: true, force: true });
  for (const part of ['main', 'renderer']) cpSync(join(root, 'out', part), join(build, part), { recursive: true });
  return build;
}

/** Loads each user into a fresh database (through the CLI); runs work on copies of these. */
export function prepareDatabases(dataDir: string, exportDir: string): Record<User, string> {
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

/** Headless Chromium with nothing of its own running in the background. */
export function launchBrowser(executablePath: string): Promise<Browser> {
  return chromium.launch({
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
}
