/**
 * What a ZIP from a stranger's tool must pass before anything in it is read — from its central directory:
 * no path out of the import, no link, nothing encrypted, no entry or whole too big, no bomb.
 */
import type yauzl from 'yauzl';
import { ImportError } from '../errors';
import { because } from './reason';

/** Limits for archives from strangers' tools: checked from the central directory, before reading. */
export const ZIP_LIMITS = {
  maxEntries: 10_000,
  maxEntryBytes: 2 * 1024 ** 3,
  maxTotalBytes: 4 * 1024 ** 3,
  /** Text compresses ~5–20×; a ratio far beyond that is a bomb, not an export. Of each entry and of the whole. */
  maxRatio: 200,
};

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

export function check(archive: string, entry: yauzl.Entry, total: number): void {
  const where = `${archive} › ${entry.fileName}`;
  if (
    entry.fileName.startsWith('/') ||
    /^[a-zA-Z]:/.test(entry.fileName) ||
    entry.fileName.split(/[\\/]/).includes('..')
  ) {
    throw new ImportError(where, 'zipUnsafePath');
  }
  const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
  if (mode === S_IFLNK) throw new ImportError(where, 'zipSymlink');
  if (entry.generalPurposeBitFlag & 1) throw new ImportError(where, 'zipEncrypted');
  if (entry.uncompressedSize > ZIP_LIMITS.maxEntryBytes) {
    throw new ImportError(
      where,
      because('zipEntryTooLarge', { size: entry.uncompressedSize, max: ZIP_LIMITS.maxEntryBytes }),
    );
  }
  if (total > ZIP_LIMITS.maxTotalBytes) {
    throw new ImportError(archive, because('zipTooLarge', { max: ZIP_LIMITS.maxTotalBytes }));
  }
  // Every entry, whatever its size: thousands of small bombs inflate as much as one big one.
  const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
  if (ratio > ZIP_LIMITS.maxRatio) {
    throw new ImportError(where, because('zipEntryRatio', { ratio: Math.round(ratio), max: ZIP_LIMITS.maxRatio }));
  }
}

/** The ratio of the whole archive: everything it expands to over everything it holds compressed. */
export function checkArchive(archive: string, entries: readonly yauzl.Entry[]): void {
  let compressed = 0;
  let uncompressed = 0;
  for (const entry of entries) {
    compressed += entry.compressedSize;
    uncompressed += entry.uncompressedSize;
  }
  const ratio = uncompressed / Math.max(compressed, 1);
  if (ratio > ZIP_LIMITS.maxRatio) {
    throw new ImportError(archive, because('zipRatio', { ratio: Math.round(ratio), max: ZIP_LIMITS.maxRatio }));
  }
}
