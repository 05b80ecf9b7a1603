/**
 * The archive reader (yauzl) as zip.ts uses it: an archive opened, its entries listed from the central
 * directory, and its queue of file reads guarded against streams closed early.
 */
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { ImportError } from '../errors';
import { because, reasonOf } from './reason';
import { ZIP_LIMITS } from './zip-checks';

/** The archive at `path`, its entries not read yet; `label` names it in the error when it cannot be opened. */
export function openZipFile(path: string, label: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(
      path,
      { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false },
      (err, zip) => {
        if (err || !zip)
          reject(new ImportError(label, because('zipUnreadable', { detail: err ? reasonOf(err) : '?' })));
        else resolve(zip);
      },
    );
  });
}

/** Every entry of the archive's central directory (ZIP_LIMITS.maxEntries at most). */
export function readEntries(archive: string, zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    if (zip.entryCount > ZIP_LIMITS.maxEntries) {
      reject(
        new ImportError(archive, because('zipTooManyEntries', { entries: zip.entryCount, max: ZIP_LIMITS.maxEntries })),
      );
      return;
    }
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (err: Error) => reject(new ImportError(archive, because('zipDamaged', { detail: reasonOf(err) }))));
    zip.readEntry();
  });
}

/** The parts of yauzl's file reader (fd-slicer) that guardQueuedReads() touches. */
interface SlicerStream extends Readable {
  context: { pend: { go(job: (done: () => void) => void): void } } | null;
}
interface Slicer {
  createReadStream(options: unknown): SlicerStream;
}

/**
 * yauzl reads an archive's entries through one queue of file reads. A stream closed while its next
 * read waits in that queue is not taken out of it, and the read then fails outside any callback
 * (a TypeError that would end the process). Entries are read at once (a big one in the background
 * while others are sniffed and closed early): a queued read of a closed stream is skipped instead.
 */
export function guardQueuedReads(zip: yauzl.ZipFile): void {
  const reader = (zip as unknown as { reader: Slicer }).reader;
  const create = reader.createReadStream.bind(reader);
  reader.createReadStream = (options) => {
    const stream = create(options);
    const read = stream._read.bind(stream);
    stream._read = (size) => {
      const pend = stream.context?.pend;
      if (!pend) return;
      const go = pend.go;
      pend.go = (job) => go.call(pend, (done) => (stream.destroyed || stream.context === null ? done() : job(done)));
      try {
        read(size);
      } finally {
        pend.go = go;
      }
    };
    return stream;
  };
}
