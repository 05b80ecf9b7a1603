import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import type { Worker } from 'node:worker_threads';
import { crc32 } from 'node:zlib';
import type yauzl from 'yauzl';
import { ImportError } from '../errors';
import { EntryDamaged, HANDOFF_BYTES, InflaterUnavailable, inflateInWorker, readWhole, type EntryAt } from './inflate';
import { PARALLEL_DEFAULTS } from './parallel';
import { because, reasonOf } from './reason';
import { check, checkArchive } from './zip-checks';
import { guardQueuedReads, openZipFile, readEntries } from './zip-reader';
import type { HashedReadable, OpenOptions, SourceFile } from './source';
import { prestartInflateWorker, takeWorker, workerSource } from './workers';

export { ZIP_LIMITS } from './zip-checks';

/** Stored or deflated: what inflate.ts reads (the archive reader reports any other method). */
function readable(entry: yauzl.Entry): boolean {
  return entry.compressionMethod === 0 || entry.compressionMethod === 8;
}

/** A big entry is inflated by a worker thread of its own; a small one at once (inflate.ts). */
function inflatedInWorker(entry: yauzl.Entry): boolean {
  return entry.uncompressedSize >= PARALLEL_DEFAULTS.minBytes && readable(entry);
}

/**
 * A whole entry in pieces of 1 MB (a file on disk is read so), each but the first after a turn of the
 * event loop: while its reader parses them, the big entry's pieces (another file of the same import,
 * read at once) come in and go on to their parsers.
 */
async function* pieces(bytes: Buffer, size = 1024 * 1024): AsyncGenerator<Buffer> {
  for (let at = 0; at < bytes.length; at += size) {
    if (at > 0) await new Promise((resolve) => setImmediate(resolve));
    yield bytes.subarray(at, at + size);
  }
}

/** Why an entry cannot be read, as the import reports it: naming the entry, in the reader's language. */
function unreadable(where: string, error: unknown): ImportError {
  if (error instanceof ImportError) return error;
  return new ImportError(
    where,
    error instanceof EntryDamaged
      ? because('zipEntryDamaged', { damage: error.damage })
      : because('zipEntryUnreadable', { detail: reasonOf(error) }),
  );
}

/** The whole entry's SHA-256, settled once its stream has ended (or failed). */
interface EntryHash {
  resolve(sha256: string): void;
  reject(error: Error): void;
}

/**
 * The archive reader's first bytes (all a sniffing open reads), then the rest from a worker, which
 * hashes the whole entry. Should the worker not start (its script did not load), the archive reader
 * reads the rest itself (`reopen`), and the entry is hashed and checked here.
 */
async function* handOff(
  head: Readable | null,
  entry: EntryAt,
  inflater: () => Worker,
  reopen: () => Promise<Readable>,
  where: string,
  hash: EntryHash,
): AsyncGenerator<Buffer> {
  let passed = 0;
  const own = { sha256: createHash('sha256'), crc: 0 };
  const seen = (chunk: Buffer): void => {
    own.sha256.update(chunk);
    own.crc = crc32(chunk, own.crc);
  };
  try {
    if (head)
      try {
        for await (const chunk of head) {
          passed += (chunk as Buffer).length;
          seen(chunk as Buffer);
          yield chunk as Buffer;
          if (passed >= HANDOFF_BYTES) break;
        }
      } finally {
        head.destroy();
      }
    try {
      if (passed < entry.uncompressedSize) {
        hash.resolve(yield* inflateInWorker(entry, passed, inflater));
        return;
      }
    } catch (error) {
      if (!(error instanceof InflaterUnavailable)) throw error;
      yield* skipping(await reopen(), passed, seen);
    }
    if (own.crc !== entry.crc32) throw new EntryDamaged('crc');
    hash.resolve(own.sha256.digest('hex'));
  } catch (error) {
    // Its reader stopped early (it had read what it needed, as a sniffer does): nothing failed, and no
    // one reads a message. Worded, it was the import's first (≈ 50 ms of its thread in a profile).
    if (error instanceof Error && error.name === 'AbortError') {
      hash.reject(error);
      throw error;
    }
    const failed = unreadable(where, error);
    hash.reject(failed);
    throw failed;
  }
}

/** A stream's bytes after its first `skip`, each piece shown to `seen` first. */
async function* skipping(stream: Readable, skip: number, seen: (chunk: Buffer) => void): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of stream) {
      let piece = chunk as Buffer;
      if (skip > 0) {
        const n = Math.min(skip, piece.length);
        skip -= n;
        piece = piece.subarray(n);
        if (piece.length === 0) continue;
      }
      seen(piece);
      yield piece;
    }
  } finally {
    stream.destroy();
  }
}

/**
 * An open archive's entries as source files: a small entry is inflated whole once (it is opened again and
 * again — to recognise it, then to read it); a big one is streamed, inflated in a worker of its own.
 */
class Archive {
  /** The small entry inflated last (at most 8 MB): recognising a file and reading it inflate it once. */
  private lastWhole: { entry: yauzl.Entry; bytes: Promise<Buffer> } | null = null;

  constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly path: string,
    private readonly name: string,
    private readonly startInflater: () => Worker,
  ) {}

  close(): Promise<void> {
    this.lastWhole = null;
    this.zip.close();
    return Promise.resolve();
  }

  file(entry: yauzl.Entry): SourceFile {
    const where = `${this.name} › ${entry.fileName}`;
    const at: EntryAt = {
      path: this.path,
      localHeader: entry.relativeOffsetOfLocalHeader,
      compressedSize: entry.compressedSize,
      uncompressedSize: entry.uncompressedSize,
      method: entry.compressionMethod,
      crc32: entry.crc32,
    };
    return {
      name: basename(entry.fileName),
      display: where,
      size: entry.uncompressedSize,
      explicit: false,
      container: this.name,
      open: (how?: OpenOptions) =>
        readable(entry) && !inflatedInWorker(entry)
          ? this.openWhole(entry, at, where)
          : this.stream(entry, at, where, how),
    };
  }

  private async openWhole(entry: yauzl.Entry, at: EntryAt, where: string): Promise<Readable> {
    if (this.lastWhole?.entry !== entry) this.lastWhole = { entry, bytes: readWhole(at) };
    const { bytes } = this.lastWhole;
    try {
      return Readable.from(pieces(await bytes), { objectMode: false });
    } catch (error) {
      if (this.lastWhole?.bytes === bytes) this.lastWhole = null;
      throw unreadable(where, error);
    }
  }

  /** Streamed by the archive reader, or — an entry inflated in a worker — handed off to it (handOff). */
  private async stream(entry: yauzl.Entry, at: EntryAt, where: string, how?: OpenOptions): Promise<Readable> {
    const reader = (): Promise<Readable> =>
      new Promise<Readable>((resolve, reject) => {
        this.zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) reject(unreadable(where, err ?? new Error('?')));
          else resolve(stream);
        });
      });
    const inWorker = inflatedInWorker(entry);
    // Read whole: from its worker from the first byte, which starts inflating at once.
    const head = inWorker && how?.whole ? null : await reader();
    if (!inWorker) return head!;
    let hash!: EntryHash;
    const sha256 = new Promise<string>((resolve, reject) => (hash = { resolve, reject }));
    // Nobody need wait for it: the stream reports the same failure.
    sha256.catch(() => undefined);
    const stream: HashedReadable = Readable.from(handOff(head, at, this.startInflater, reader, where, hash), {
      objectMode: false,
      highWaterMark: HANDOFF_BYTES / 4,
    });
    stream.sha256 = sha256;
    stream.inflated = entry.compressionMethod === 8;
    return stream;
  }
}

/**
 * Opens a ZIP without extracting anything to disk; entries are streamed on demand. `label` names the
 * archive (an upload's original name rather than its temp path); only its file name is ever shown.
 */
export async function openZip(
  path: string,
  label = path,
  options: {
    /** Starts the worker that inflates a big entry (tests give one that cannot start). */
    startInflater?: () => Worker;
  } = {},
): Promise<{ files: SourceFile[]; close(): Promise<void> }> {
  // Without its script (a broken install) a worker cannot start: the archive reader reads the entry,
  // which is hashed and checked all the same (handOff).
  const startInflater =
    options.startInflater ??
    ((): Worker => {
      if (workerSource('inflate-worker') === null) throw new InflaterUnavailable('no inflate-worker script');
      return takeWorker('inflate-worker');
    });
  const name = basename(label);
  const zip = await openZipFile(path, name);
  guardQueuedReads(zip);
  const archive = new Archive(zip, path, name, startInflater);
  const close = (): Promise<void> => archive.close();
  try {
    const entries = await readEntries(name, zip);
    let total = 0;
    for (const entry of entries) {
      total += entry.uncompressedSize;
      check(name, entry, total);
    }
    checkArchive(name, entries);
    // Its inflate worker starts now (if the import did not start it yet), while the entries are sniffed.
    if (entries.some(inflatedInWorker)) prestartInflateWorker();
    const files = entries.filter((entry) => !entry.fileName.endsWith('/')).map((entry) => archive.file(entry));
    return { files, close };
  } catch (error) {
    await close();
    throw error;
  }
}
