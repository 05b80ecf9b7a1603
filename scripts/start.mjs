#!/usr/bin/env node
/**
 * `npm start`: builds ShareAudit and opens it. With the Electron binary installed this is the
 * desktop window; without it (closed networks, CI) the same UI is served by the local browser host
 * and the address to open is printed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
// electron-vite's package exports hide its bin; resolve it next to its package.json.
const electronVite = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
const dev = process.argv.includes('--dev');
const binary = electronBinary();

function run(args) {
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (binary && dev) {
  run([electronVite, 'dev', '--config', 'electron.config.ts']);
} else if (binary) {
  run([electronVite, 'preview', '--config', 'electron.config.ts']);
} else {
  const build = spawnSync(
    process.execPath,
    [electronVite, 'build', '--config', 'electron.config.ts', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
  process.stdout.write('Electron is not installed on this machine, so ShareAudit runs in your browser instead:\n');
  run([
    join(root, 'out', 'main', 'host.js'),
    '--renderer',
    join(root, 'out', 'renderer'),
    ...process.argv.slice(2).filter((a) => a !== '--dev'),
  ]);
}
