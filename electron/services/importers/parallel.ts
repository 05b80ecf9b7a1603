/**
 * Big LinkedIn message files are parsed by worker threads (and by the main thread too, where a core is
 * left for it). The main thread reads and hashes the bytes and deals them out in chunks that end at a
 * record boundary (the last line break outside quotes); when every worker's queue is full it reads a
 * chunk itself, or waits while it has other work or no core of its own (see `mayRead`). Each parser
 * aggregates its chunks (chunk-parser.ts, message-bytes.ts); the partial results are merged by
 * participant key. Anything unusual (no worker script, not UTF-8, a CSV error, a record that never
 * ends) returns null and the caller reads the file again the ordinary way, which then reports it
 * exactly as a sequential read would.
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { ImportNote } from '../../../shared/contract';
import { AppError, ImportError } from '../errors';
import { detectAddressCsv } from './address-csv';
import { sniffDelimiter, sniffEncoding } from './csv';
import { CsvScanner } from './csv-scan';
import { detectKind, MAX_PARTICIPANTS, type MessagesResult } from './linkedin';
import { PairTable } from './pairs';
import { ChunkParser } from './chunk-parser';
import type { MessagesPart, WorkerSetup } from './parallel-protocol';
import { ParsePool, type Outcome, type Slot } from './parse-pool';
import { RecordTooLong, recordChunks } from './record-chunks';
import { because, noteOf } from './reason';
import type { HashedReadable, SourceFile } from './source';
import { PARSE_WORKERS, workerSource } from './workers';

export { boundaryAfter, recordBoundary } from './record-chunks';

export interface ParallelOptions {
  /** Smaller files are read the ordinary way. */
  minBytes?: number;
  /** Bytes per chunk. */
  chunkBytes?: number;
  /** Worker threads beside the main thread, which reads chunks too whenever they are all busy. */
  workers?: number;
  /** The machine's cores (default: all Node may use). */
  cores?: number;
}

export const PARALLEL_DEFAULTS: Required<ParallelOptions> = {
  minBytes: 8 * 1024 * 1024,
  // Small enough to stay out of V8's large-object space, where dead text piles up until a full GC.
  chunkBytes: 64 * 1024,
  workers: PARSE_WORKERS,
  cores: availableParallelism(),
};

const MAX_HEADER_SEARCH = 30;

export interface ParallelPlan extends Omit<WorkerSetup, 'display'> {
  bomLength: number;
}

export interface ParallelResult {
  result: MessagesResult;
  warnings: ImportNote[];
  sha256: string;
  /** How many chunks there were, and how many of them the workers read. */
  chunks: { total: number; byWorkers: number };
}

/** Reads the first bytes: a UTF-8 LinkedIn messages file gets a plan, anything else null. */
export async function planParallel(file: SourceFile): Promise<ParallelPlan | null> {
  const sniffed = await sniffEncoding(file);
  if (sniffed.encoding !== 'utf-8') return null;
  const head = new TextDecoder('utf-8').decode(sniffed.head.subarray(sniffed.bomLength), { stream: true });
  const delimiter = sniffDelimiter(head);
  let plan: ParallelPlan | null = null;
  let seen = 0;
  const scanner = new CsvScanner(delimiter, {
    record(fields, line) {
      if (plan !== null || seen++ >= MAX_HEADER_SEARCH) return;
      // The same order as the ordinary reader: a LinkedIn header, else an address book's.
      const kind = detectKind(fields);
      if (kind === 'linkedin-messages')
        plan = { bomLength: sniffed.bomLength, delimiter, header: fields, headerLine: line };
      if (kind !== null || detectAddressCsv(fields) !== null) seen = MAX_HEADER_SEARCH;
    },
  });
  try {
    scanner.push(head);
  } catch {
    return null;
  }
  return plan;
}

/** Adds one parser's partial aggregate to the merged one, renumbering its participants. */
function mergeInto(merged: MessagesResult, ids: Map<string, number>, part: MessagesPart, display: string): void {
  merged.rows += part.rows;
  const local = new Int32Array(part.participants.length);
  part.participants.forEach((key, i) => {
    let id = ids.get(key);
    if (id === undefined) {
      id = merged.participants.length;
      if (id >= MAX_PARTICIPANTS) throw new ImportError(display, because('tooManyPeople', { max: MAX_PARTICIPANTS }));
      merged.participants.push(key);
      merged.appearances.push(0);
      ids.set(key, id);
    }
    merged.appearances[id]! += part.appearances[i]!;
    local[i] = id;
  });
  const p = part.pairs;
  for (let e = 0; e < p.size; e++)
    merged.pairs.merge(local[p.from[e]!]!, local[p.to[e]!]!, p.count[e]!, p.first[e]!, p.last[e]!);
  for (const [key, name] of part.names) if (!merged.names.has(key)) merged.names.set(key, name);
}

/** The parsers' partial results as one: the others merged into the part with the most people. */
function mergeParts(outcomes: Outcome[], display: string): MessagesResult {
  const largest = outcomes.reduce((a, b) => (b.result.participants.length > a.result.participants.length ? b : a));
  const merged: MessagesResult = { ...largest.result, pairs: PairTable.from(largest.result.pairs) };
  const ids = new Map<string, number>();
  merged.participants.forEach((key, id) => ids.set(key, id));
  for (const outcome of outcomes) if (outcome !== largest) mergeInto(merged, ids, outcome.result, display);
  return merged;
}

/** Deals the file's chunks in order: each to a worker, or read on this thread when it may (and none has room). */
class Dealer {
  /** Chunks dealt so far (the next one's number), and how many of them this thread read. */
  seq = 0;
  readHere = 0;
  private dealt = 0;

  constructor(
    private readonly pool: ParsePool,
    private readonly local: ChunkParser,
    private readonly size: number,
    private readonly chunkBytes: number,
    private readonly mayRead: () => boolean,
  ) {}

  /** A worker for the next chunk: one with room, or with its share of what is left when this thread may read. */
  private taker(): Slot | undefined {
    return this.mayRead()
      ? this.pool.withShare(Math.max(0, this.size - this.dealt) / this.chunkBytes)
      : this.pool.withRoom();
  }

  /** Deals a chunk to a worker, else reads it here (or waits for room while this thread may not). */
  async deal({ bytes, head }: { bytes: Buffer; head?: Buffer }): Promise<void> {
    const { pool } = this;
    this.dealt += (head?.length ?? 0) + bytes.length;
    let slot = this.taker();
    while (slot === undefined && !this.mayRead() && pool.failure === null && pool.working) {
      await pool.answer();
      slot = this.taker();
    }
    if (slot !== undefined) {
      pool.send(slot, this.seq++, bytes, head);
      return;
    }
    this.readHere++;
    try {
      pool.lines.set(this.seq, this.local.parse(this.seq, head ? Buffer.concat([head, bytes]) : bytes));
    } catch (error) {
      pool.failure ??= error instanceof Error ? error.message : String(error);
    }
    this.seq++;
    // Let the workers' answers in: they make room in their queues.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

export interface ParallelReadOptions extends ParallelOptions {
  signal?: AbortSignal;
  onProgress?: (bytes: number, rows: number) => void;
  /**
   * Whether this thread may read chunks itself when the workers' queues are full (default: always).
   * While it says no, the reading waits for room instead: this thread has other work.
   */
  help?: () => boolean;
}

/** Row warnings of every parser, in file order: their lines within their chunk plus the lines of the chunks before it. */
function warningsOf(outcomes: Outcome[], lines: ReadonlyMap<number, number>, chunks: number, display: string) {
  const base: number[] = [0];
  for (let s = 1; s < chunks; s++) base.push(base[s - 1]! + lines.get(s - 1)!);
  return outcomes
    .flatMap((o) => o.problems)
    .sort((a, b) => a.seq - b.seq || a.line - b.line)
    .map((p) => noteOf(display, p.reason, base[p.seq]! + p.line));
}

/**
 * Reads a LinkedIn messages file in chunks spread over worker threads and the main thread. Null
 * when something in the file needs the ordinary reader to report it.
 */
export async function readMessagesInParallel(
  file: SourceFile,
  plan: ParallelPlan,
  options: ParallelReadOptions = {},
): Promise<ParallelResult | null> {
  const chunkBytes = options.chunkBytes ?? PARALLEL_DEFAULTS.chunkBytes;
  const count = workerSource('parse-worker') === null ? 0 : Math.max(0, options.workers ?? PARALLEL_DEFAULTS.workers);
  const cores = options.cores ?? PARALLEL_DEFAULTS.cores;
  const setup: WorkerSetup = {
    display: file.display,
    delimiter: plan.delimiter,
    header: plan.header,
    headerLine: plan.headerLine,
  };
  const local = new ChunkParser(setup);
  const pool = new ParsePool(count, setup, chunkBytes);
  let stream: HashedReadable;
  try {
    stream = await file.open({ whole: true });
  } catch (error) {
    // Its workers end with it: a worker left running would keep the process alive.
    await pool.terminate();
    throw error;
  }
  /**
   * Whether this thread may read chunks itself: when it has nothing else to do (`help`), and only if a
   * core is left for it beside its own work (reading, hashing and dealing the bytes), the workers and the
   * thread inflating a ZIP entry. Where none is, its share cost more than it brought — each parser learns
   * every person anew, and the parts are merged. On two cores with one worker, the heavy user's folder
   * took 8 % more CPU for the same time (1.99 vs 1.83 s, 1.27 vs 1.26 s, 9 alternating pairs), and the ZIP,
   * with its inflater a third busy thread, 8 % more CPU and 2–3 % longer (2.52 vs 2.30 s, 1.52 vs 1.47 s).
   */
  const mayRead = (): boolean =>
    cores > 1 + count + (stream.inflated === true ? 1 : 0) && (options.help === undefined || options.help());
  const cancelled = (): boolean => options.signal?.aborted === true;
  try {
    // Hashed here unless its producer hashes it on the side (a big ZIP entry: its inflate worker).
    const hash = stream.sha256 === undefined ? createHash('sha256') : null;
    const dealer = new Dealer(pool, local, file.size, chunkBytes, mayRead);
    let bytesRead = 0;
    const seen = (piece: Buffer): void => {
      if (cancelled()) throw new AppError('IMPORT_CANCELLED', 'error.IMPORT_CANCELLED');
      hash?.update(piece);
      bytesRead += piece.length;
      options.onProgress?.(bytesRead, pool.rows + local.rows);
    };
    try {
      for await (const chunk of recordChunks(stream, plan.bomLength, chunkBytes, seen)) {
        await dealer.deal(chunk);
        if (pool.failure !== null) return null;
      }
    } catch (error) {
      if (error instanceof RecordTooLong) return null;
      throw error;
    }
    if (cancelled()) throw new AppError('IMPORT_CANCELLED', 'error.IMPORT_CANCELLED');
    const parts = await pool.finish();
    if (parts === null) return null;
    const outcomes = [{ result: local.part().part, problems: local.problems }, ...parts];
    const { seq, readHere } = dealer;
    const warnings = warningsOf(outcomes, pool.lines, seq, file.display);
    const sha256 = hash === null ? await stream.sha256! : hash.digest('hex');
    const result = mergeParts(outcomes, file.display);
    return { result, warnings, sha256, chunks: { total: seq, byWorkers: seq - readHere } };
  } finally {
    stream.destroy();
    await pool.terminate();
  }
}
