/**
 * Reading ZIP entries without the archive reader's stream of 16 kB pieces.
 *
 * A big entry (the 95 MB messages.csv of a LinkedIn export) is inflated by a worker thread of its
 * own (inflate-worker.ts, started when the archive is opened), which keeps inflating while the main
 * thread reads chunks: inflated through the main thread's event loop, the next piece waits whenever
 * that thread is busy parsing. The worker reads the entry's compressed bytes from the archive itself
 * and sends the inflated ones in pieces of 256 kB, moved (not copied), a few ahead of the reader. The
 * first bytes come from the archive reader as before: most opens (the kind, the encoding) read those
 * only, and a worker is taken for a whole read alone. A reader that says it reads the whole entry (the
 * parallel messages reader) gets every byte from the worker, which finds the entry's data itself (its
 * local header): the request goes out at the first read, with no turn of the import's event loop
 * before it — that thread may be busy with the connections for 0.2 s, and the parsers would wait.
 *
 * A small entry is read and inflated in one go (`readWhole`): Connections.csv (3.5 MB) in ≈ 8 ms of
 * CPU, where the archive reader's stream took ≈ 60 ms.
 *
 * Both check the entry's size and CRC-32 against the archive's directory (the archive reader checks
 * neither the CRC nor, for a stream closed early, the size).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { MessagePort, Worker } from 'node:worker_threads';
import { crc32, createInflateRaw, inflateRawSync } from 'node:zlib';

/** Bytes read through the archive reader before a worker takes over (sniffing reads 64 kB). */
export const HANDOFF_BYTES = 256 * 1024;
const PIECE_BYTES = 256 * 1024;
/**
 * Pieces the worker may send ahead of the reader: bounds memory (8 MB). Enough to go on inflating while
 * the import's thread writes the connections (≈ 0.15–0.3 s), so that it finds the next pieces ready
 * when it comes back to the messages (2 MB ahead: 7 A/B runs, median 1672 → 1610 ms).
 */
const AHEAD = 32;
/**
 * The reader gives credit back this many pieces at a time: a message per piece cost the main thread
 * ≈ 0.1 s of a heavy user's ZIP; the worker stays between 24 and 32 pieces ahead.
 */
const CREDIT_EVERY = 8;

/** How many entries a worker has inflated (tests see that a big entry really went to one). */
export const inflated = { byWorkers: 0 };

export interface EntryAt {
  /** The archive on disk. */
  path: string;
  /** Where the entry's local header starts, and its sizes and method (from the central directory). */
  localHeader: number;
  compressedSize: number;
  uncompressedSize: number;
  /** 0: stored, 8: deflated. */
  method: number;
  /** The CRC-32 of the uncompressed bytes (unsigned, as zlib's crc32() gives it). */
  crc32: number;
}

/** How an entry's bytes differ from what the archive's directory says of them. */
export type Damage = 'crc' | 'fewer' | 'more' | 'truncated';

/** An entry whose bytes are not the ones the archive describes (the import names it and says how). */
export class EntryDamaged extends Error {
  constructor(
    readonly damage: Damage,
    options?: { cause: unknown },
  ) {
    super(`damaged entry (${damage})`, options);
  }
}

/** The inflate worker could not start or stopped before its first answer: the entry is read another way. */
export class InflaterUnavailable extends Error {}

export type ToInflater =
  | {
      type: 'inflate';
      path: string;
      /** Where the entry's local header starts: the worker reads it (no turn of the import's event loop). */
      localHeader: number;
      compressedSize: number;
      method: number;
      skip: number;
      /** The CRC-32 the whole entry must have. */
      crc32: number;
    }
  | { type: 'credit'; pieces: number };

export type FromInflater =
  | { type: 'piece'; bytes: Uint8Array }
  /** The whole entry's SHA-256 (hex), from its first byte, whatever was skipped. */
  | { type: 'end'; sha256: string }
  | { type: 'damaged'; damage: Damage }
  | { type: 'failed'; reason: string };

/** Where the entry's data begins: after its local header, whose name and extra field vary in length. */
async function dataStartIn(handle: FileHandle, entry: Pick<EntryAt, 'localHeader'>): Promise<number> {
  const header = Buffer.alloc(30);
  const { bytesRead } = await handle.read(header, 0, 30, entry.localHeader);
  if (bytesRead < 30 || header.readUInt32LE(0) !== 0x04034b50) throw new Error('no local file header');
  return entry.localHeader + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
}

async function dataStart(entry: Pick<EntryAt, 'path' | 'localHeader'>): Promise<number> {
  const handle = await open(entry.path, 'r');
  try {
    return await dataStartIn(handle, entry);
  } finally {
    await handle.close();
  }
}

/**
 * In the worker: inflates the entry and sends its bytes past `skip`, as many pieces ahead as allowed.
 * It also hashes them (SHA-256, the file's identity in the import's record) — here, where the bytes pass
 * anyway, instead of on the import's thread, which has the most to do (≈ 65 ms for 95 MB).
 */
export async function runInflater(port: MessagePort, message: Extract<ToInflater, { type: 'inflate' }>): Promise<void> {
  const post = (reply: FromInflater, transfer?: ArrayBuffer[]): void => port.postMessage(reply, transfer);
  let start: number;
  try {
    start = await dataStart({ path: message.path, localHeader: message.localHeader });
  } catch (error) {
    post({ type: 'failed', reason: error instanceof Error ? error.message : String(error) });
    return;
  }
  const raw = createReadStream(message.path, {
    start,
    end: start + message.compressedSize - 1,
    highWaterMark: PIECE_BYTES,
  });
  const bytes = message.method === 8 ? raw.pipe(createInflateRaw({ chunkSize: PIECE_BYTES })) : raw;
  let credit = AHEAD;
  let skip = message.skip;
  let crc = 0;
  const hash = createHash('sha256');
  const failed = (error: Error): void => {
    post({ type: 'failed', reason: error.message });
    raw.destroy();
  };
  raw.on('error', failed);
  bytes.on('error', failed);
  port.on('message', (m: ToInflater) => {
    if (m.type !== 'credit') return;
    credit += m.pieces;
    if (credit > 0) bytes.resume();
  });
  bytes.on('data', (chunk: Buffer) => {
    crc = crc32(chunk, crc);
    hash.update(chunk);
    let piece = chunk;
    if (skip > 0) {
      const n = Math.min(skip, piece.length);
      skip -= n;
      piece = piece.subarray(n);
      if (piece.length === 0) return;
    }
    // A piece that is the whole of its buffer is moved as it is: zlib fills a buffer of PIECE_BYTES and
    // starts a new one once it is full. Any other piece is a view of a buffer zlib goes on writing (or
    // of the file reader's), and is copied.
    const whole = piece.byteOffset === 0 && piece.byteLength === piece.buffer.byteLength && message.method === 8;
    const own = whole ? new Uint8Array(piece.buffer as ArrayBuffer, 0, piece.byteLength) : new Uint8Array(piece);
    post({ type: 'piece', bytes: own }, [own.buffer]);
    if (--credit <= 0) bytes.pause();
  });
  bytes.on('end', () =>
    post(crc === message.crc32 ? { type: 'end', sha256: hash.digest('hex') } : { type: 'damaged', damage: 'crc' }),
  );
}

/**
 * The entry's bytes from `skip` on, inflated by a worker; returns the whole entry's SHA-256. Throws
 * (with the worker's reason) when the entry cannot be inflated or its size or CRC-32 is not the one
 * the archive states.
 */
export async function* inflateInWorker(
  entry: EntryAt,
  skip: number,
  startWorker: () => Worker,
): AsyncGenerator<Buffer, string> {
  const worker = startWorker();
  inflated.byWorkers++;
  const queue: Array<FromInflater | { type: 'unavailable'; reason: string }> = [];
  let wake: (() => void) | null = null;
  let answered = false;
  const arrive = (message: (typeof queue)[number]): void => {
    queue.push(message);
    wake?.();
    wake = null;
  };
  worker.on('message', (message: FromInflater) => {
    answered = true;
    arrive(message);
  });
  // Before its first answer, a worker that fails did not start (its script did not load): not the entry's fault.
  const stopped = (reason: string): void =>
    arrive(answered ? { type: 'failed', reason } : { type: 'unavailable', reason });
  worker.on('error', (error) => stopped(error.message));
  worker.on('exit', () => stopped('the inflating thread stopped'));
  const request: ToInflater = {
    type: 'inflate',
    path: entry.path,
    localHeader: entry.localHeader,
    compressedSize: entry.compressedSize,
    method: entry.method,
    skip,
    crc32: entry.crc32,
  };
  worker.postMessage(request);
  let total = skip;
  let owed = 0;
  try {
    for (;;) {
      while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const message = queue.shift()!;
      if (message.type === 'unavailable') throw new InflaterUnavailable(message.reason);
      if (message.type === 'failed') throw new Error(message.reason);
      if (message.type === 'damaged') throw new EntryDamaged(message.damage);
      if (message.type === 'end') {
        if (total !== entry.uncompressedSize) throw new EntryDamaged('fewer');
        return message.sha256;
      }
      total += message.bytes.length;
      if (total > entry.uncompressedSize) throw new EntryDamaged('more');
      if (++owed === CREDIT_EVERY) {
        worker.postMessage({ type: 'credit', pieces: owed } satisfies ToInflater);
        owed = 0;
      }
      yield Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.length);
    }
  } finally {
    worker.removeAllListeners('exit');
    await worker.terminate();
  }
}

/**
 * A small entry, stored or deflated, read and inflated at once. Throws when it cannot be inflated or
 * its size or CRC-32 is not the one the archive states.
 */
export async function readWhole(entry: EntryAt): Promise<Buffer> {
  const handle = await open(entry.path, 'r');
  let compressed: Buffer;
  try {
    const start = await dataStartIn(handle, entry);
    compressed = Buffer.alloc(entry.compressedSize);
    const { bytesRead } = await handle.read(compressed, 0, entry.compressedSize, start);
    if (bytesRead < entry.compressedSize) throw new EntryDamaged('truncated');
  } finally {
    await handle.close();
  }
  let bytes: Buffer;
  if (entry.method === 0) bytes = compressed;
  else {
    try {
      // One byte more than stated is enough to know that there are more.
      bytes = inflateRawSync(compressed, { maxOutputLength: entry.uncompressedSize + 1 });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
        throw new EntryDamaged('more', { cause: error });
      throw error;
    }
  }
  if (bytes.length < entry.uncompressedSize) throw new EntryDamaged('fewer');
  if (bytes.length > entry.uncompressedSize) throw new EntryDamaged('more');
  if (crc32(bytes) !== entry.crc32) throw new EntryDamaged('crc');
  return bytes;
}
