/**
 * Runs the browser host from the command line: `npm start` uses it where the Electron
 * binary is not installed; the end-to-end tests start it with their own --db.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startBrowserHost } from './host';
import { defaultDbPath } from './services/paths';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    port: { type: 'string' },
    renderer: { type: 'string', default: 'out/renderer' },
    now: { type: 'string' },
  },
});

try {
  const fixedNow = values.now ? new Date(values.now) : undefined;
  const host = await startBrowserHost({
    dbPath: values.db ?? defaultDbPath(),
    rendererDir: resolve(values.renderer),
    port: values.port ? Number(values.port) : 0,
    version: process.env.npm_package_version,
    ...(fixedNow ? { now: () => fixedNow } : {}),
  });
  process.stdout.write(`ShareAudit is running at ${host.url}\n`);
  host.service.warmUp();
  const stop = (): void => {
    void host.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  process.stderr.write(`shareaudit host: ${(error as Error).message}\n`);
  process.exit(1);
}
