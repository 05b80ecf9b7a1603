/**
 * Decoding CSV bytes as UTF-8, a piece at a time: strict, or lenient (bytes that are not UTF-8 read
 * as Windows-1252 and counted, for the per-file choice of encoding in readCsv()).
 */
import { Buffer, isUtf8 } from 'node:buffer';

export class DecodeError extends Error {}

export const NONE: readonly number[] = [];

/**
 * Strict UTF-8 in pieces, as TextDecoder with `fatal` decodes it (a byte-order mark at the start
 * dropped, anything not UTF-8 an error), but several times faster: validated and decoded natively,
 * with the bytes of a character cut off at the end of a piece kept for the next.
 */
export class Utf8Pieces {
  private carry: Buffer = Buffer.alloc(0);
  private first = true;
  /** Lenient: where the text of the last piece has characters read from bytes that are not UTF-8. */
  bad: readonly number[] = NONE;
  /** Lenient: bytes read so far that are not UTF-8 (each read as the Windows-1252 character it is there). */
  invalid = 0;
  /** Bytes of valid multi-byte characters beyond one per UTF-16 unit they make: > 0 once text is UTF-8 beyond ASCII. */
  multiByte = 0;

  /** Lenient: bytes that are not UTF-8 are read as Windows-1252 and counted, instead of refused. */
  constructor(private readonly lenient = false) {}

  /** The text of the piece; throws DecodeError when the bytes are not UTF-8 (unless lenient). */
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
    let text: string;
    this.bad = NONE;
    if (isUtf8(whole)) {
      text = whole.toString('utf8');
      this.multiByte += whole.length - text.length;
    } else {
      if (!this.lenient) throw new DecodeError('not UTF-8');
      const read = decodeLeniently(whole);
      text = read.text;
      this.bad = read.bad;
      this.invalid += read.bad.length;
      this.multiByte += read.multiByte;
    }
    if (this.first && text.length > 0) {
      this.first = false;
      if (text.charCodeAt(0) === 0xfeff) {
        text = text.slice(1);
        if (this.bad.length > 0) this.bad = this.bad.map((at) => at - 1);
      }
    }
    return text;
  }
}

/** Windows-1252 character of each byte. */
const CP1252 = Array.from({ length: 256 }, (_, b) => new TextDecoder('windows-1252').decode(Uint8Array.of(b)));

/** Length of the valid UTF-8 sequence at bytes[i] (a byte >= 0x80), or 0 (Unicode 15, table 3-7). */
function sequenceLength(bytes: Buffer, i: number): number {
  const b = bytes[i]!;
  const cont = (k: number, low = 0x80, high = 0xbf): boolean => {
    const c = bytes[i + k];
    return c !== undefined && c >= low && c <= high;
  };
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const ok = b === 0xe0 ? cont(1, 0xa0) : b === 0xed ? cont(1, 0x80, 0x9f) : cont(1);
    return ok && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const ok = b === 0xf0 ? cont(1, 0x90) : b === 0xf4 ? cont(1, 0x80, 0x8f) : cont(1);
    return ok && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/**
 * Bytes that are mostly UTF-8: each byte that is not part of a valid sequence is read as its
 * Windows-1252 character (a file edited by a Windows program, one character at a time). Only for
 * pieces that fail the native check: the JavaScript loop costs nothing to a file that is UTF-8.
 */
function decodeLeniently(bytes: Buffer): { text: string; bad: number[]; multiByte: number } {
  let text = '';
  const bad: number[] = [];
  let multiByte = 0;
  let run = 0;
  for (let i = 0; i < bytes.length;) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    const length = sequenceLength(bytes, i);
    if (length > 0) {
      multiByte += length === 4 ? 2 : length - 1;
      i += length;
      continue;
    }
    if (i > run) text += bytes.toString('utf8', run, i);
    bad.push(text.length);
    text += CP1252[bytes[i]!]!;
    run = ++i;
  }
  if (run < bytes.length) text += bytes.toString('utf8', run, bytes.length);
  return { text, bad, multiByte };
}
