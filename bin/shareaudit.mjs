#!/usr/bin/env node
// Runs the CLI from its TypeScript source through tsx, so `npx shareaudit` works right after `npm ci`.
import { tsImport } from 'tsx/esm/api';

// `shareaudit audit | head` closes the pipe early: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const { main } = await tsImport('../electron/cli.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTty: Boolean(process.stderr.isTTY),
});
