/**
 * A vCard file read through VCardReader: held in memory (parseVCards), or streamed from its source a
 * piece at a time, hashed, with the event loop free between the pieces (readVCardFile).
 */
import { createHash } from 'node:crypto';
import { AppError, ImportError } from '../errors';
import { because, type Reason } from './reason';
import type { SourceFile } from './source';
import { VCardReader } from './vcard';
import type { ParsedCard } from './vcard-cards';

/** Every card in a .vcf file held in memory. Throws ImportError when the file is not a vCard at all. */
export function parseVCards(bytes: Buffer, file: string, warn: (line: number, reason: Reason) => void): ParsedCard[] {
  const cards: ParsedCard[] = [];
  const reader = new VCardReader(file, (card) => cards.push(card), warn);
  reader.push(bytes);
  reader.end();
  return cards;
}

/** Bytes read between two turns of the event loop: a cancel (and every other request) is answered meanwhile. */
const PIECE = 1024 * 1024;

/**
 * Streams a vCard file through VCardReader, handing on each card as it ends, and returns the file's
 * SHA-256. Yields to the event loop after every piece; stops with IMPORT_CANCELLED once `signal` is aborted.
 */
export async function readVCardFile(
  file: SourceFile,
  options: {
    maxBytes: number;
    onCard: (card: ParsedCard) => void;
    warn: (line: number, reason: Reason) => void;
    signal?: AbortSignal;
    onBytes?: (bytes: number) => void;
  },
): Promise<string> {
  const reader = new VCardReader(file.display, options.onCard, options.warn);
  const hash = createHash('sha256');
  let size = 0;
  const stream = await file.open();
  try {
    for await (const chunk of stream) {
      const bytes = chunk as Buffer;
      size += bytes.length;
      if (size > options.maxBytes)
        throw new ImportError(file.display, because('fileTooLarge', { max: options.maxBytes }));
      hash.update(bytes);
      for (let at = 0; at < bytes.length; at += PIECE) {
        reader.push(bytes.subarray(at, at + PIECE));
        options.onBytes?.(size - bytes.length + Math.min(at + PIECE, bytes.length));
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (options.signal?.aborted) throw new AppError('IMPORT_CANCELLED', 'error.IMPORT_CANCELLED');
      }
    }
    reader.end();
    return hash.digest('hex');
  } finally {
    stream.destroy();
  }
}
