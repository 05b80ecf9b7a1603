/**
 * Cutting a CSV stream into pieces of whole records, by bytes: a record ends at a line break outside
 * quotes (quote and line feed are single bytes in UTF-8, so no decoding is needed to find it).
 */
import type { Readable } from 'node:stream';

/** A record this long without a line break outside quotes is left to the sequential reader's error. */
const MAX_PENDING_BYTES = 16 * 1024 * 1024;
const QUOTE = 0x22;
const LF = 0x0a;

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

/** A record that never ends within MAX_PENDING_BYTES: left to the ordinary reader's error. */
export class RecordTooLong extends Error {}

/**
 * The file's bytes after its BOM, as pieces of whole records of about `chunkBytes` each (a piece is
 * `head`, the end of what was read before, then `bytes`). `seen` is shown every piece read, BOM and all.
 */
export async function* recordChunks(
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
