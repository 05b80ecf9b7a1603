import { Buffer } from 'node:buffer';
import { createHash, type Hash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { AppError, ImportError } from '../errors';
import { CsvScanner, CsvSyntaxError, type ScanSink } from './csv-scan';
import type { ImportNote } from '../../../shared/contract';
import { because, noteOf, reasonOf } from './reason';
import type { SourceFile } from './source';
import { DecodeError, NONE, Utf8Pieces } from './utf8-pieces';

export { DecodeError, Utf8Pieces } from './utf8-pieces';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface CsvOptions {
  signal?: AbortSignal;
  /** Called with the bytes read so far of this file. */
  onBytes?: (bytes: number) => void;
}

/**
 * UTF-16 without a byte-order mark, told by its zeros: text that is mostly ASCII has one in every
 * other byte, the odd ones in little-endian, the even ones in big-endian. Null for anything else.
 */
export function utf16WithoutBom(head: Buffer): 'utf-16le' | 'utf-16be' | null {
  const sample = head.subarray(0, Math.min(head.length, 512) & ~1);
  const pairs = sample.length / 2;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) even++;
    if (sample[i + 1] === 0) odd++;
  }
  if (odd > pairs / 2 && even < odd) return 'utf-16le';
  if (even > pairs / 2 && odd < even) return 'utf-16be';
  return null;
}

/** Reads the first bytes of a file to choose its encoding (FORMATS.md §4: BOM → UTF-8 → Windows-1252). */
export async function sniffEncoding(
  file: SourceFile,
): Promise<{ encoding: Encoding; bomLength: number; head: Buffer }> {
  const stream = await file.open();
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    const buf = chunk as Buffer;
    chunks.push(buf);
    length += buf.length;
    if (length >= 64 * 1024) break;
  }
  stream.destroy();
  // Only the first 64 kB are copied (a piece may be 1 MB).
  const head = Buffer.concat(chunks, Math.min(length, 64 * 1024));
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3, head };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2, head };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2, head };
  if (head.includes(0)) {
    const utf16 = utf16WithoutBom(head);
    if (utf16) return { encoding: utf16, bomLength: 0, head };
    throw new ImportError(file.display, 'csvBinary');
  }
  return { encoding: 'utf-8', bomLength: 0, head };
}

export function sniffDelimiter(text: string): ',' | ';' | '\t' {
  const lines = text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 20);
  let best: ',' | ';' | '\t' = ',';
  let bestScore = 0;
  for (const delimiter of [',', ';', '\t'] as const) {
    // The header line is the longest run of delimiters; preambles have few.
    const score = Math.max(0, ...lines.map((l) => l.split(delimiter).length - 1));
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

/** Thrown by a sink to stop reading a file early (e.g. it is not one we want). */
export class StopReading extends Error {}

/** Decoded text, and where in it are characters read from bytes that were not UTF-8. */
interface Piece {
  text: string;
  bad: readonly number[];
}

function decoder(
  textDecoder: Utf8Pieces | InstanceType<typeof TextDecoder>,
  skip: number,
  onBytes?: (n: number) => void,
  hash?: Hash,
): Transform {
  const piece = (text: string): Piece => ({
    text,
    bad: textDecoder instanceof Utf8Pieces ? textDecoder.bad : NONE,
  });
  let toSkip = skip;
  let bytes = 0;
  return new Transform({
    decodeStrings: true,
    readableObjectMode: true,
    transform(chunk: Buffer, _enc, callback) {
      bytes += chunk.length;
      onBytes?.(bytes);
      hash?.update(chunk);
      let data = chunk;
      if (toSkip > 0) {
        const n = Math.min(toSkip, data.length);
        data = data.subarray(n);
        toSkip -= n;
      }
      try {
        callback(null, piece(textDecoder.decode(data, { stream: true })));
      } catch {
        callback(new DecodeError('not UTF-8'));
      }
    },
    flush(callback) {
      try {
        callback(null, piece(textDecoder.decode(Buffer.alloc(0))));
      } catch {
        callback(new DecodeError('not UTF-8'));
      }
    },
  });
}

/** Receives every record with its 1-based line number; may narrow the columns it wants. */
export type CsvRecordSink = ScanSink;

/** Lines named one by one in warnings about a file's bytes (not UTF-8, NUL); beyond that they are counted. */
const MAX_LINES_NAMED = 100;

/** Lines of a file where its bytes needed a word: not UTF-8, or NUL. */
class LineNotes {
  readonly lines: number[] = [];
  more = 0;
  add(line: number): void {
    if (this.lines.at(-1) === line) return;
    if (this.lines.length < MAX_LINES_NAMED) this.lines.push(line);
    else this.more++;
  }
  warnings(display: string, what: 'nulRemoved' | 'notUtf8'): ImportNote[] {
    const named = this.lines.map((line) => noteOf(display, what, line));
    const more = because(what === 'nulRemoved' ? 'moreNul' : 'moreNotUtf8', { n: this.more });
    return this.more > 0 ? [...named, noteOf(display, more)] : named;
  }
}

/**
 * Streams a CSV file through `sink`, never holding it whole. The encoding is decided per file: a
 * byte-order mark says it; otherwise the file is UTF-8 when its valid multi-byte UTF-8 characters
 * outnumber its bytes that are not UTF-8 (those are read as Windows-1252, and each line with one is
 * named in a warning), and Windows-1252 otherwise (read again from a fresh sink, with a warning).
 * NUL bytes are removed, each line with one named in a warning.
 */
export async function readCsv<S extends CsvRecordSink>(
  file: SourceFile,
  makeSink: () => S,
  options: CsvOptions = {},
): Promise<{ sink: S; encoding: Encoding; delimiter: string; sha256: string; warnings: ImportNote[] }> {
  try {
    return await readCsvUnwrapped(file, makeSink, options);
  } catch (error) {
    if (
      error instanceof AppError ||
      error instanceof DecodeError ||
      !(error instanceof Error) ||
      error instanceof StopReading
    ) {
      throw error;
    }
    // Errors of the byte stream itself (a damaged or lying ZIP entry, a failing disk).
    throw new ImportError(file.display, because('cannotRead', { detail: reasonOf(error) }));
  }
}

async function readCsvUnwrapped<S extends CsvRecordSink>(
  file: SourceFile,
  makeSink: () => S,
  options: CsvOptions,
): Promise<{ sink: S; encoding: Encoding; delimiter: string; sha256: string; warnings: ImportNote[] }> {
  const sniffed = await sniffEncoding(file);
  const read = async (encoding: Encoding) => {
    const headText = new TextDecoder(encoding).decode(sniffed.head.subarray(sniffed.bomLength));
    const delimiter = sniffDelimiter(headText);
    const sink = makeSink();
    const text = encoding === 'utf-8' ? new Utf8Pieces(true) : new TextDecoder(encoding);
    const notes = await parseStream(file, await file.open(), text, sniffed.bomLength, delimiter, sink, options);
    return { sink, encoding, delimiter, sha256: notes.sha256, text, notes };
  };
  const first = await read(sniffed.encoding);
  const { text, notes } = first;
  const nul = (n: LineNotes): ImportNote[] => n.warnings(file.display, 'nulRemoved');
  if (!(text instanceof Utf8Pieces) || text.invalid === 0) return { ...first, warnings: nul(notes.nul) };
  if (sniffed.bomLength > 0 || text.multiByte > text.invalid) {
    // Mostly UTF-8: it stays UTF-8, and the lines with other bytes are named.
    return {
      ...first,
      warnings: [...notes.invalid.warnings(file.display, 'notUtf8'), ...nul(notes.nul)],
    };
  }
  const again = await read('windows-1252');
  return {
    ...again,
    warnings: [noteOf(file.display, 'wholeFileCp1252', notes.invalid.lines[0]), ...nul(again.notes.nul)],
  };
}

async function parseStream(
  file: SourceFile,
  input: Readable,
  text: Utf8Pieces | InstanceType<typeof TextDecoder>,
  bomLength: number,
  delimiter: string,
  sink: CsvRecordSink,
  options: CsvOptions,
): Promise<{ sha256: string; invalid: LineNotes; nul: LineNotes }> {
  const hash = createHash('sha256');
  const scanner = new CsvScanner(delimiter, sink);
  const decoded = input.pipe(decoder(text, bomLength, options.onBytes, hash));
  input.on('error', (error) => decoded.destroy(error));
  const invalid = new LineNotes();
  const nul = new LineNotes();
  try {
    for await (const chunk of decoded) {
      if (options.signal?.aborted) throw new AppError('IMPORT_CANCELLED', 'error.IMPORT_CANCELLED');
      let { text } = chunk as Piece;
      const { bad } = chunk as Piece;
      // Per piece, not per record: a native search, and the rest only where there is something.
      if (bad.length > 0) for (const line of scanner.linesAt(text, bad)) invalid.add(line);
      if (text.includes('\0')) {
        const at: number[] = [];
        for (let i = text.indexOf('\0'); i >= 0; i = text.indexOf('\0', i + 1)) at.push(i);
        for (const line of scanner.linesAt(text, at)) nul.add(line);
        text = text.replaceAll('\0', '');
      }
      scanner.push(text);
    }
    scanner.end();
    return { sha256: hash.digest('hex'), invalid, nul };
  } catch (error) {
    input.destroy();
    if (error instanceof CsvSyntaxError) throw new ImportError(file.display, error.reason, error.line);
    throw error;
  }
}
