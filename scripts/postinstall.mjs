#!/usr/bin/env node
/**
 * Runs after `npm ci` / `npm install` in this project. Two jobs, neither of which may fail the install:
 *
 * 1. The Electron binary. package.json's `allowScripts` denies electron's own install script, so
 *    `npm ci` never fails where the binary cannot be downloaded (closed networks, CI). Here we
 *    try the download ourselves and, if it fails, say so in one line: `npm start` then serves
 *    the same UI in the browser.
 * 2. A build of the app (`out/`), so the CLI starts fast right away.
 * 3. better-sqlite3 for Electron. npm builds better-sqlite3 for the Node that runs npm (tests, CLI).
 *    Electron has its own ABI, so we build a second copy against Electron's headers into
 *    native/electron-<abi>/better_sqlite3.node; the main process loads that one via
 *    better-sqlite3's `nativeBinding` option. Neither build overwrites the other: no rebuilding
 *    back and forth.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary, electronPackageDir } from './electron-binary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const log = (line) => process.stdout.write(`shareaudit postinstall: ${line}\n`);

function ensureElectronBinary(dir) {
  if (electronBinary()) return true;
  if (process.env.SHAREAUDIT_SKIP_ELECTRON_DOWNLOAD) {
    log(
      'SHAREAUDIT_SKIP_ELECTRON_DOWNLOAD is set: no Electron binary; `npm start` will serve the app in your browser.',
    );
    return false;
  }
  const result = spawnSync(process.execPath, [join(dir, 'install.js')], { encoding: 'utf8', timeout: 10 * 60_000 });
  if (result.status === 0 && electronBinary()) {
    log('Electron binary installed.');
    return true;
  }
  const reason =
    `${result.stderr ?? ''}`
      .split('\n')
      .find((l) => /error/i.test(l))
      ?.trim() ?? 'download failed';
  log(
    `the Electron binary could not be downloaded (${reason.slice(0, 160)}); \`npm start\` will serve the app in your browser instead.`,
  );
  return false;
}

function buildSqliteForElectron(dir) {
  const version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  const abi = readFileSync(join(dir, 'abi_version'), 'utf8').trim();
  const target = join(root, 'native', `electron-${abi}`, 'better_sqlite3.node');
  if (existsSync(target)) return;
  const source = dirname(require.resolve('better-sqlite3/package.json'));
  const work = mkdtempSync(join(tmpdir(), 'shareaudit-sqlite-electron-'));
  try {
    cpSync(source, work, { recursive: true, filter: (p) => !p.includes(`${source}/build`) });
    log(`building better-sqlite3 for Electron ${version} (ABI ${abi}) …`);
    const gyp = require.resolve('node-gyp/bin/node-gyp.js');
    const result = spawnSync(
      process.execPath,
      [
        gyp,
        'rebuild',
        '--release',
        `--target=${version}`,
        '--dist-url=https://electronjs.org/headers',
        `--arch=${process.arch}`,
      ],
      { cwd: work, stdio: 'inherit', env: { ...process.env, npm_config_nodedir: '' } },
    );
    if (result.status !== 0) {
      log(
        'could not build better-sqlite3 for Electron; the desktop app will not open its database until `npm run rebuild:electron` succeeds.',
      );
      return;
    }
    mkdirSync(dirname(target), { recursive: true });
    cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
    log(`better-sqlite3 for Electron written to ${target}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Builds the app once, so `npx shareaudit` starts from the built CLI instead of transpiling. */
function build() {
  const electronVite = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  const result = spawnSync(
    process.execPath,
    [electronVite, 'build', '--config', 'electron.config.ts', '--logLevel', 'error'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  if (result.status !== 0)
    log(`build skipped (${(result.stderr || result.stdout).trim().split('\n')[0]}); run \`npm run build\``);
}

try {
  build();
} catch (error) {
  log(`build skipped (${error.message})`);
}

try {
  const dir = electronPackageDir();
  if (dir && ensureElectronBinary(dir)) buildSqliteForElectron(dir);
} catch (error) {
  log(`skipped (${error.message})`);
}
