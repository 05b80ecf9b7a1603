/** Messages between the import and its parse workers (parallel.ts, parse-worker.ts). Types only. */
import type { MessagesResult } from './linkedin';
import type { PairColumns } from './pairs';
import type { Reason } from './reason';

/** A parser's aggregate as it crosses threads: the pair table as columns, moved rather than copied. */
export type MessagesPart = Omit<MessagesResult, 'pairs'> & { pairs: PairColumns };

export interface WorkerSetup {
  display: string;
  delimiter: string;
  /** The header record, found by the main thread in the file's first bytes. */
  header: string[];
  /** Its line: records up to it in chunk 0 are preamble and header. */
  headerLine: number;
}

export type ToWorker =
  /** First, once: what the file is (a worker can be started before its file is known). */
  { type: 'setup'; setup: WorkerSetup } | { type: 'chunk'; seq: number; bytes: Uint8Array } | { type: 'end' };

/** A row warning; `line` counts from the start of chunk `seq`. */
export interface WorkerProblem {
  seq: number;
  line: number;
  reason: Reason;
}

export type FromWorker =
  /** A chunk is done: its lines, the worker's rows so far, and the buffer back for the next chunk. */
  | { type: 'ack'; seq: number; lines: number; rows: number; buffer: ArrayBuffer }
  | { type: 'result'; result: MessagesPart; problems: WorkerProblem[] }
  | { type: 'failed'; reason: string };
