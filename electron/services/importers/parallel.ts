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
import type { Readable } from 'node:stream';
import type { ImportNote } from '../../../shared/contract';
import { AppError, ImportError } from '../errors';
import { detectAddressCsv } from './address-csv';
import { sniffDelimiter, sniffEncoding } from './csv';
import { CsvScanner } from './csv-scan';
import { detectKind, MAX_PARTICIPANTS, type MessagesResult } from './linkedin';
import { PairTable } from './pairs';
import { ChunkParser } from './chunk-parser';
import type { MessagesPart, WorkerSetup } from './parallel-protocol';
import { ParsePool, type Outcome } from './parse-pool';
import { because, noteOf } from './reason';
import type { HashedReadable, SourceFile } from './source';
import { PARSE_WORKERS, workerSource } from './workers';

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

/** A record this long without a line break outside quotes is left to the sequential reader's error. */
const MAX_PENDING_BYTES = 16 * 1024 * 1024;
const MAX_HEADER_SEARCH = 30;
const QUOTE = 0x22;
const LF = 0x0a;

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

/** How many quotes are in data[from, to). Byte searches: quote and line feed are single bytes in UTF-8. */
function quotesIn(data: Buffer, from = 0, to = data.length): number {
  let n = 0;
  for (let q = data.indexOf(QUOTE, from); q >= 0 && q < to; q = data.indexOf(QUOTE, q + 1)) n++;
  return n;
}

/**
 * Index just after the first line break outside quotes, for bytes that begin inside quotes or not;
 * -1 when there is none.
 */
export function boundaryAfter(data: Buffer, inQuotes: boolean): number {
  let inside = inQuotes;
  for (let from = 0; ;) {
    const nl = data.indexOf(LF, from);
    if (nl < 0) return -1;
    if (quotesIn(data, from, nl) % 2 === 1) inside = !inside;
    if (!inside) return nl + 1;
    from = nl + 1;
  }
}

/** Index just after the last line break outside quotes, or -1 when the bytes hold no whole record. */
export function recordBoundary(data: Buffer): number {
  const quotesBetween = (from: number, to: number): number => quotesIn(data, from, to);
  let nl = data.lastIndexOf(LF);
  if (nl < 0) return -1;
  let quotes = quotesBetween(0, nl);
  while (quotes % 2 === 1) {
    const previous = nl === 0 ? -1 : data.lastIndexOf(LF, nl - 1);
    if (previous < 0) return -1;
    quotes -= quotesBetween(previous, nl);
    nl = previous;
  }
  return nl + 1;
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

/** A record that never ends within MAX_PENDING_BYTES: left to the ordinary reader's error. */
class RecordTooLong extends Error {}

/**
 * The file's bytes after its BOM, as pieces of whole records of about `chunkBytes` each (a piece is
 * `head`, the end of what was read before, then `bytes`). `seen` is shown every piece read, BOM and all.
 */
async function* recordChunks(
  stream: Readable,
  bomLength: number,
  chunkBytes: number,
  seen: (piece: Buffer) => void,
): AsyncGenerator<{ bytes: Buffer; head?: Buffer }> {
  let bomLeft = bomLength;
  let parts: Buffer[] = [];
  let pending = 0;
  for await (const chunk of stream) {
    let buf = chunk as Buffer;
    seen(buf);
    if (bomLeft > 0) {
      const skip = Math.min(bomLeft, buf.length);
      buf = buf.subarray(skip);
      bomLeft -= skip;
    }
    parts.push(buf);
    pending += buf.length;
    if (pending < chunkBytes) continue;
    let data: Buffer | null = null;
    if (parts.length > 1 && buf.length >= chunkBytes) {
      // A big piece after the end of the last one: the record that was cut off ends in its first
      // line break outside quotes. Dealt with that, the piece is read where it is (no copy).
      const head = parts.length === 2 ? parts[0]! : Buffer.concat(parts.slice(0, -1), pending - buf.length);
      const cut = boundaryAfter(buf, quotesIn(head) % 2 === 1);
      if (cut >= 0) {
        yield { bytes: buf.subarray(0, cut), head };
        data = buf.subarray(cut);
      }
    }
    data ??= parts.length === 1 ? parts[0]! : Buffer.concat(parts, pending);
    let offset = 0;
    while (data.length - offset >= chunkBytes) {
      let cut = recordBoundary(data.subarray(offset, offset + chunkBytes));
      // A record longer than a chunk: up to the last boundary in what has been read.
      if (cut < 0) cut = recordBoundary(data.subarray(offset));
      if (cut < 0) break;
      yield { bytes: data.subarray(offset, offset + cut) };
      offset += cut;
    }
    if (data.length - offset > MAX_PENDING_BYTES) throw new RecordTooLong();
    parts = offset < data.length ? [data.subarray(offset)] : [];
    pending = data.length - offset;
  }
  if (pending > 0) yield { bytes: Buffer.concat(parts, pending) };
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

/**
 * Reads a LinkedIn messages file in chunks spread over worker threads and the main thread. Null
 * when something in the file needs the ordinary reader to report it.
 */
export async function readMessagesInParallel(
  file: SourceFile,
  plan: ParallelPlan,
  options: ParallelOptions & {
    signal?: AbortSignal;
    onProgress?: (bytes: number, rows: number) => void;
    /**
     * Whether this thread may read chunks itself when the workers' queues are full (default: always).
     * While it says no, the reading waits for room instead: this thread has other work.
     */
    help?: () => boolean;
  } = {},
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
    let seq = 0;
    let readHere = 0;
    let dealt = 0;
    let bytesRead = 0;
    /** A worker for the next chunk: one with room, or with its share of what is left when this thread may read. */
    const taker = () => (mayRead() ? pool.withShare(Math.max(0, file.size - dealt) / chunkBytes) : pool.withRoom());
    /** Deals a chunk to a worker, else reads it here (or waits for room while this thread may not). */
    const deal = async ({ bytes, head }: { bytes: Buffer; head?: Buffer }): Promise<void> => {
      dealt += (head?.length ?? 0) + bytes.length;
      let slot = taker();
      while (slot === undefined && !mayRead() && pool.failure === null && pool.working) {
        await pool.answer();
        slot = taker();
      }
      if (slot !== undefined) {
        pool.send(slot, seq++, bytes, head);
        return;
      }
      readHere++;
      try {
        pool.lines.set(seq, local.parse(seq, head ? Buffer.concat([head, bytes]) : bytes));
      } catch (error) {
        pool.failure ??= error instanceof Error ? error.message : String(error);
      }
      seq++;
      // Let the workers' answers in: they make room in their queues.
      await new Promise<void>((resolve) => setImmediate(resolve));
    };
    const seen = (piece: Buffer): void => {
      if (cancelled()) throw new AppError('IMPORT_CANCELLED', 'error.IMPORT_CANCELLED');
      hash?.update(piece);
      bytesRead += piece.length;
      options.onProgress?.(bytesRead, pool.rows + local.rows);
    };
    try {
      for await (const chunk of recordChunks(stream, plan.bomLength, chunkBytes, seen)) {
        await deal(chunk);
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
    // Row warnings carry lines within their chunk: add the lines of the chunks before it.
    const base: number[] = [0];
    for (let s = 1; s < seq; s++) base.push(base[s - 1]! + pool.lines.get(s - 1)!);
    const warnings = outcomes
      .flatMap((o) => o.problems)
      .sort((a, b) => a.seq - b.seq || a.line - b.line)
      .map((p) => noteOf(file.display, p.reason, base[p.seq]! + p.line));
    const sha256 = hash === null ? await stream.sha256! : hash.digest('hex');
    const result = mergeParts(outcomes, file.display);
    return { result, warnings, sha256, chunks: { total: seq, byWorkers: seq - readHere } };
  } finally {
    stream.destroy();
    await pool.terminate();
  }
}
