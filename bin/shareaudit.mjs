#!/usr/bin/env node
// The `shareaudit` command. Runs the built CLI (out/main/cli.js, written by `npm run build` and by
// postinstall) when it is newer than every source file; otherwise the TypeScript sources through
// tsx, so a fresh checkout and a half-edited tree both work.
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// `shareaudit audit | head` closes the pipe early: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'out', 'main', 'cli.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function builtIsFresh() {
  try {
    const mtime = statSync(built).mtimeMs;
    return mtime >= newestSource(join(root, 'electron')) && mtime >= newestSource(join(root, 'shared'));
  } catch {
    return false;
  }
}

const { main } = builtIsFresh()
  ? await import(pathToFileURL(built).href)
  : await (await import('tsx/esm/api')).tsImport('../electron/cli.ts', import.meta.url);

process.exitCode = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTty: Boolean(process.stderr.isTTY),
});
