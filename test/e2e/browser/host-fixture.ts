import { test as base, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ShareAuditPage } from '../pages/app-page';

const root = join(import.meta.dirname, '..', '..', '..');

export interface RunningHost {
  url: string;
  dbPath: string;
  stop(): Promise<void>;
}

/** Starts the built browser host (what `npm start` runs without Electron) on the built renderer. */
export async function startHost(dbPath: string): Promise<RunningHost> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      join(root, 'out', 'main', 'host.js'),
      '--db',
      dbPath,
      '--renderer',
      join(root, 'out', 'renderer'),
      '--now',
      '2026-11-01T12:00:00Z',
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let deadline: NodeJS.Timeout | undefined;
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /running at (http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{64})/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`host exited with ${code}: ${err}`)));
    // A deadline, not a wait: the host says when it is ready.
    deadline = setTimeout(() => reject(new Error(`host did not start: ${out}${err}`)), 20_000);
  }).finally(() => clearTimeout(deadline));
  return {
    url,
    dbPath,
    stop: () =>
      new Promise<void>((resolve) => {
        // Stopped already (a test that closes the app itself): nothing to wait for.
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export const test = base.extend<{
  dataDir: string;
  host: RunningHost;
  app: ShareAuditPage;
  /** Console errors a test provokes on purpose (a file the test keeps from loading): not failures. */
  expectedErrors: RegExp | null;
}>({
  expectedErrors: [null, { option: true }],
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as the first argument
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'shareaudit-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  host: async ({ dataDir }, use) => {
    const host = await startHost(join(dataDir, 'shareaudit.db'));
    await use(host);
    await host.stop();
  },
  app: async ({ page, host, expectedErrors }, use) => {
    // Any console error (a CSP violation, a failed request, a React warning) fails the test.
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(host.url);
    await use(new ShareAuditPage(page));
    expect(errors.filter((e) => expectedErrors?.test(e) !== true)).toEqual([]);
  },
});

export { expect, ShareAuditPage };
