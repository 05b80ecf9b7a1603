import { createReadStream } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { ImportError } from '../errors';
import { openZip } from './zip';

/** One file to import, wherever it lives: on disk, inside a ZIP, or generated in memory. */
export interface SourceFile {
  /** File name without folders, used to recognise LinkedIn's files. */
  name: string;
  /**
   * What the user sees in messages, and all that is stored of where it came from: the file's name,
   * or "export.zip › Connections.csv" for a ZIP entry. Never a folder of the user's disk.
   */
  display: string;
  size: number;
  /**
   * Its bytes. `whole`: the caller reads them all (not just the first, to recognise the file) — a big
   * ZIP entry then goes to its inflate worker from the first byte.
   */
  open(options?: OpenOptions): Promise<Readable>;
  /** True when the user named this file directly (an unrecognised one is then an error). */
  explicit: boolean;
  /** What the user picked, by name: the file itself, or the ZIP or folder it came from. */
  container: string;
}

export interface OpenOptions {
  whole?: boolean;
}

/**
 * A file's stream whose producer computes the bytes' SHA-256 on the side (a big ZIP entry, hashed by the
 * worker that inflates it): its reader need not hash them again. Settles once the stream has ended.
 */
export type HashedReadable = Readable & {
  sha256?: Promise<string>;
  /** Its bytes are inflated as they are read (a deflated ZIP entry): another thread busy beside its reader. */
  inflated?: boolean;
};

export interface ResolvedSources {
  files: SourceFile[];
  close(): Promise<void>;
}

export function memoryFile(name: string, content: string | Buffer, explicit = false): SourceFile {
  const buffer = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return {
    name,
    display: name,
    size: buffer.length,
    explicit,
    container: name,
    open: () => Promise.resolve(Readable.from([buffer])),
  };
}

async function isZip(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(4), 0, 4, 0);
    return bytesRead === 4 && buffer.readUInt32LE(0) === 0x04034b50;
  } finally {
    await handle.close();
  }
}

function diskFile(path: string, size: number, explicit: boolean, container = basename(path)): SourceFile {
  return {
    name: basename(path),
    display: basename(path),
    size,
    explicit,
    container,
    // Large reads: a 64 KiB default costs more in stream overhead than the parsing it feeds.
    open: () => Promise.resolve(createReadStream(path, { highWaterMark: 1024 * 1024 })),
  };
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) await walk(full, out);
    else if (entry.isFile()) out.push(full);
  }
}

/** A path to read, and the name to show for it when that is not its own (an uploaded file's original name). */
export type PathInput = string | { path: string; label: string };

/** Expands paths (files, ZIPs, folders) into the files to read. Detection is by content. */
export async function resolvePaths(inputs: readonly PathInput[]): Promise<ResolvedSources> {
  const files: SourceFile[] = [];
  const closers: Array<() => Promise<void>> = [];
  const close = async (): Promise<void> => {
    await Promise.all(closers.map((c) => c()));
  };
  try {
    for (const input of inputs) {
      const path = typeof input === 'string' ? input : input.path;
      // Only names are shown and stored, never the folders of the user's disk.
      const label = basename(typeof input === 'string' ? input : input.label);
      let info;
      try {
        info = await stat(path);
      } catch {
        throw new ImportError(label, 'notFound');
      }
      // A FIFO, socket or device would be read for ever (or block at open): only files and folders.
      if (!info.isDirectory() && !info.isFile()) throw new ImportError(label, 'notRegularFile');
      if (info.isDirectory()) {
        const inner: string[] = [];
        await walk(path, inner);
        for (const file of inner) {
          if (await isZip(file)) {
            const zip = await openZip(file);
            closers.push(() => zip.close());
            files.push(...zip.files.map((f) => ({ ...f, explicit: false, container: label })));
          } else {
            files.push(diskFile(file, (await stat(file)).size, false, label));
          }
        }
      } else if (await isZip(path)) {
        const zip = await openZip(path, label);
        closers.push(() => zip.close());
        files.push(...zip.files);
      } else {
        files.push({ ...diskFile(path, info.size, true), display: label, container: label });
      }
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { files, close };
}
