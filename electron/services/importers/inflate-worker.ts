/**
 * An inflate worker: inflates one big ZIP entry and sends its bytes to the import (inflate.ts). Loads
 * nothing but node's file and zlib modules, so it is ready within a few milliseconds of starting (a
 * parse worker, which loads the parser and its messages, took ≈ 0.1 s of CPU before its first byte).
 */
import { parentPort } from 'node:worker_threads';
import { runInflater, type ToInflater } from './inflate';

const port = parentPort!;
port.once('message', (message: ToInflater) => {
  if (message.type === 'inflate') void runInflater(port, message);
});
