import { Buffer, isUtf8 } from 'node:buffer';
import { createHash, type Hash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { AppError, ImportError } from '../errors';
import { CsvScanner, CsvSyntaxError, type ScanSink } from './csv-scan';
import { reasonOf } from './reason';
import type { SourceFile } from './source';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface CsvOptions {
  signal?: AbortSignal;
  /** Called with the bytes read so far of this file. */
  onBytes?: (bytes: number) => void;
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
  const head = Buffer.concat(chunks).subarray(0, 64 * 1024);
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3, head };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2, head };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2, head };
  if (head.includes(0)) {
    // UTF-16 without BOM has a zero in every other byte of ASCII text; anything else is binary.
    const sample = head.subarray(0, Math.min(head.length, 512));
    let oddZeros = 0;
    for (let i = 1; i < sample.length; i += 2) if (sample[i] === 0) oddZeros++;
    if (oddZeros > sample.length / 4) return { encoding: 'utf-16le', bomLength: 0, head };
    throw new ImportError(file.display, 'binary data, not a text/CSV file');
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

export class DecodeError extends Error {}

/** Thrown by a sink to stop reading a file early (e.g. it is not one we want). */
export class StopReading extends Error {}

/**
 * Strict UTF-8 in pieces, as TextDecoder with `fatal` decodes it (a byte-order mark at the start
 * dropped, anything not UTF-8 an error), but several times faster: validated and decoded natively,
 * with the bytes of a character cut off at the end of a piece kept for the next.
 */
export class Utf8Pieces {
  private carry: Buffer = Buffer.alloc(0);
  private first = true;

  /** The text of the piece; throws DecodeError when the bytes are not UTF-8. */
  decode(piece: Buffer, options?: { stream?: boolean }): string {
    const data = this.carry.length > 0 ? Buffer.concat([this.carry, piece]) : piece;
    let end = data.length;
    if (options?.stream) {
      // Back over continuation bytes to the lead byte of the last character: complete or not?
      let lead = end - 1;
      while (lead >= 0 && lead > end - 4 && (data[lead]! & 0xc0) === 0x80) lead--;
      if (lead >= 0) {
        const b = data[lead]!;
        const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
        if (end - lead < length) end = lead;
      }
    }
    this.carry = end < data.length ? Buffer.from(data.subarray(end)) : Buffer.alloc(0);
    const whole = data.subarray(0, end);
    if (!isUtf8(whole)) throw new DecodeError('not UTF-8');
    let text = whole.toString('utf8');
    if (this.first && text.length > 0) {
      this.first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    return text;
  }
}

function decoder(encoding: Encoding, skip: number, onBytes?: (n: number) => void, hash?: Hash): Transform {
  const textDecoder = encoding === 'utf-8' ? new Utf8Pieces() : new TextDecoder(encoding);
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
        callback(null, textDecoder.decode(data, { stream: true }));
      } catch {
        callback(new DecodeError('not UTF-8'));
      }
    },
    flush(callback) {
      try {
        callback(null, textDecoder.decode(Buffer.alloc(0)));
      } catch {
        callback(new DecodeError('not UTF-8'));
      }
    },
  });
}

/** Receives every record with its 1-based line number; may narrow the columns it wants. */
export type CsvRecordSink = ScanSink;

/**
 * Streams a CSV file through `sink`, never holding it whole. `makeSink` is called once per
 * attempt: a file that turns out not to be UTF-8 is read again as Windows-1252 from a fresh sink.
 */
export async function readCsv<S extends CsvRecordSink>(
  file: SourceFile,
  makeSink: () => S,
  options: CsvOptions = {},
): Promise<{ sink: S; encoding: Encoding; delimiter: string; sha256: string }> {
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
    throw new ImportError(file.display, `cannot read (${reasonOf(error)})`);
  }
}

async function readCsvUnwrapped<S extends CsvRecordSink>(
  file: SourceFile,
  makeSink: () => S,
  options: CsvOptions,
): Promise<{ sink: S; encoding: Encoding; delimiter: string; sha256: string }> {
  const sniffed = await sniffEncoding(file);
  const attempts: Encoding[] =
    sniffed.encoding === 'utf-8' && sniffed.bomLength === 0 ? ['utf-8', 'windows-1252'] : [sniffed.encoding];
  for (const encoding of attempts) {
    const headText = new TextDecoder(encoding).decode(sniffed.head.subarray(sniffed.bomLength));
    const delimiter = sniffDelimiter(headText);
    const sink = makeSink();
    try {
      const sha256 = await parseStream(file, await file.open(), encoding, sniffed.bomLength, delimiter, sink, options);
      return { sink, encoding, delimiter, sha256 };
    } catch (error) {
      if (error instanceof DecodeError && encoding !== attempts[attempts.length - 1]) continue;
      throw error;
    }
  }
  throw new ImportError(file.display, 'cannot decode text');
}

async function parseStream(
  file: SourceFile,
  input: Readable,
  encoding: Encoding,
  bomLength: number,
  delimiter: string,
  sink: CsvRecordSink,
  options: CsvOptions,
): Promise<string> {
  const hash = createHash('sha256');
  const scanner = new CsvScanner(delimiter, sink);
  const decoded = input.pipe(decoder(encoding, bomLength, options.onBytes, hash));
  input.on('error', (error) => decoded.destroy(error));
  try {
    for await (const chunk of decoded) {
      if (options.signal?.aborted) throw new AppError('IMPORT_CANCELLED', 'error.IMPORT_CANCELLED');
      scanner.push(chunk as string);
    }
    scanner.end();
    return hash.digest('hex');
  } catch (error) {
    input.destroy();
    if (error instanceof CsvSyntaxError)
      throw new ImportError(file.display, `malformed CSV (${error.message})`, error.line);
    throw error;
  }
}
