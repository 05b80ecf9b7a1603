/**
 * vCard 2.1, 3.0 and 4.0 as real exporters write them (FORMATS.md §3): folded lines, quoted-printable
 * with soft line breaks, a CHARSET per property (XING mixes ISO-8859-1 and UTF-8 in one card), bare
 * type parameters, grouped properties, escapes, and base64 photos to skip. Works on bytes, because
 * the character set is a property of each line, not of the file.
 *
 * Read as a stream, in time and memory linear in the size of the file whatever it holds (a value
 * folded a million times, millions of empty lines, a line without end): each line is looked at once,
 * a folded or soft-broken value is joined once, and only the properties read below are kept, each
 * within VCARD_LIMITS. Cards are handed on one by one as they end; vcard-file.ts reads a file through it.
 */
import { ImportError } from '../errors';
import { utf16WithoutBom } from './csv';
import { because, type Reason } from './reason';
import { Cards, VCARD_LIMITS, type ParsedCard } from './vcard-cards';
import {
  appendValue,
  closedValue,
  dropLastByte,
  openProperty,
  startsProperty,
  trailingEquals,
  type Open,
} from './vcard-property';

export { VCARD_LIMITS, type ParsedCard } from './vcard-cards';
export { categoriesOf, prefRank, splitEscaped, unescapeText } from './vcard-text';

const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;

/** Up to this many bytes, a line's end is looked for byte by byte (cheaper than a native call). */
const SHORT = 64;

/** Index of the next LF at or after `pos`, or -1. */
function nextLineFeed(bytes: Buffer, pos: number): number {
  const short = Math.min(bytes.length, pos + SHORT);
  for (let i = pos; i < short; i++) if (bytes[i] === LF) return i;
  return short === bytes.length ? -1 : bytes.indexOf(LF, short);
}

/** A run of empty lines, compared a block at a time. */
const LF_BLOCK = Buffer.alloc(4096, LF);

/** Line breaks passed over by the last skipLineBreaks(). */
let skipped = 0;

/** Where the run of line breaks (LF or CRLF) at bytes[pos] ends; how many there were in `skipped`. */
function skipLineBreaks(bytes: Buffer, pos: number): number {
  const length = bytes.length;
  let i = pos;
  let n = 0;
  const first = bytes[pos];
  if (first !== LF && first !== CR) {
    skipped = 0;
    return pos;
  }
  while (i + LF_BLOCK.length <= length && bytes.compare(LF_BLOCK, 0, LF_BLOCK.length, i, i + LF_BLOCK.length) === 0) {
    i += LF_BLOCK.length;
    n += LF_BLOCK.length;
  }
  while (i < length) {
    const b = bytes[i]!;
    if (b === LF) i++;
    else if (b === CR && i + 1 < length && bytes[i + 1] === LF) i += 2;
    else break;
    n++;
  }
  skipped = n;
  return i;
}

/**
 * Reads a vCard file in pieces (push, then end): bytes → lines → properties → cards. Each byte is
 * looked at a bounded number of times, and nothing is held but the card being read.
 */
export class VCardReader {
  /** The first bytes, until there are enough to tell the encoding and whether it is a vCard at all. */
  private head: Buffer[] | null = [];
  private headLength = 0;
  /** UTF-16 is read as UTF-8 bytes. */
  private utf16: InstanceType<typeof TextDecoder> | null = null;
  /** The start of a line that continues in the next piece. */
  private tail: Buffer[] = [];
  private tailLength = 0;
  /** Number of the line being read (1-based). */
  private line = 1;
  private open: Open | null = null;
  private readonly cards: Cards;
  /** Bytes of the card being read so far. */
  private cardBytes = 0;

  constructor(
    private readonly file: string,
    onCard: (card: ParsedCard) => void,
    private readonly warn: (line: number, reason: Reason) => void,
  ) {
    this.cards = new Cards(file, onCard, warn);
  }

  push(bytes: Buffer): void {
    if (this.head === null) {
      this.lines(this.utf16 ? Buffer.from(this.utf16.decode(bytes, { stream: true }), 'utf8') : bytes);
      return;
    }
    this.head.push(bytes);
    this.headLength += bytes.length;
    if (this.headLength >= 4096 + 3) this.begin();
  }

  end(): void {
    if (this.head !== null) this.begin();
    if (this.utf16) this.lines(Buffer.from(this.utf16.decode(), 'utf8'));
    if (this.tailLength > 0) {
      // The last line, without a line break after it (nothing when that is a lone CR).
      const last = Buffer.concat(this.tail, this.tailLength);
      this.tail = [];
      this.tailLength = 0;
      const end = last[last.length - 1] === CR ? last.length - 1 : last.length;
      if (end > 0) this.take(last, 0, end, 0);
    }
    if (this.open) this.close();
    this.cards.end();
  }

  /** Chooses the encoding from the first bytes and checks that they start a vCard. */
  private begin(): void {
    let data = Buffer.concat(this.head!, this.headLength);
    this.head = null;
    let utf16: 'utf-16le' | 'utf-16be' | null = null;
    if (data[0] === 0xff && data[1] === 0xfe) utf16 = 'utf-16le';
    else if (data[0] === 0xfe && data[1] === 0xff) utf16 = 'utf-16be';
    else if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) data = data.subarray(3);
    else utf16 = utf16WithoutBom(data);
    if (utf16) {
      if (data[0] === 0xff || data[0] === 0xfe) data = data.subarray(2);
      this.utf16 = new TextDecoder(utf16);
      data = Buffer.from(this.utf16.decode(data, { stream: true }), 'utf8');
    }
    if (data.subarray(0, 4096).includes(0)) throw new ImportError(this.file, 'vcardBinary');
    const head = data.subarray(0, 2048).toString('latin1');
    if (!/^\s*BEGIN:VCARD/i.test(head)) throw new ImportError(this.file, 'vcardNoBegin');
    this.lines(data);
  }

  /** Splits bytes into physical lines (LF or CRLF); a line cut off at the end waits for the next piece. */
  private lines(bytes: Buffer): void {
    const length = bytes.length;
    let pos = 0;
    while (pos < length) {
      if (this.tailLength === 0 && this.open === null) {
        // Empty lines between properties do nothing: a run of them is passed over at once.
        const skip = skipLineBreaks(bytes, pos);
        if (skip > pos) {
          this.line += skipped;
          this.count(skip - pos);
          pos = skip;
          continue;
        }
      }
      const nl = nextLineFeed(bytes, pos);
      if (nl < 0) {
        this.tail.push(bytes.subarray(pos));
        this.tailLength += length - pos;
        this.capTail();
        return;
      }
      let line = bytes;
      let start = pos;
      let end = nl;
      if (this.tailLength > 0) {
        line = Buffer.concat([...this.tail, bytes.subarray(pos, nl)], this.tailLength + nl - pos);
        this.tail = [];
        this.tailLength = 0;
        start = 0;
        end = line.length;
      }
      const bytesWithBreak = end - start + 1;
      if (end > start && line[end - 1] === CR) end--;
      this.take(line, start, end, 1);
      this.count(bytesWithBreak);
      pos = nl + 1;
    }
  }

  /** Counts bytes towards the card being read. */
  private count(bytes: number): void {
    if (this.cards.cardLine === null) return;
    this.cardBytes += bytes;
    if (this.cardBytes + this.tailLength > VCARD_LIMITS.maxCardBytes) this.tooBig();
  }

  private capTail(): void {
    if (this.cards.cardLine !== null) this.count(0);
    else if (this.tailLength > VCARD_LIMITS.maxCardBytes)
      throw new ImportError(this.file, because('vcardLineTooLong', { max: VCARD_LIMITS.maxCardBytes }), this.line);
  }

  private tooBig(): never {
    throw new ImportError(
      this.file,
      because('vcardCardTooLarge', { max: VCARD_LIMITS.maxCardBytes }),
      this.cards.cardLine ?? this.line,
    );
  }

  /** One physical line, bytes[start, end) without its line break; `breaks` is 1 when a line break followed it. */
  private take(bytes: Buffer, start: number, end: number, breaks: number): void {
    const line = this.line;
    this.line += breaks;
    const open = this.open;
    if (open) {
      if (open.mode === 'qp-soft') {
        if (open.trailingEquals > 0) {
          // Soft line break: the "=" goes, and the next line joins as it is.
          dropLastByte(open);
          appendValue(open, bytes, start, end);
          if (end > start) {
            const n = trailingEquals(bytes, start, end);
            open.trailingEquals = n === end - start ? open.trailingEquals - 1 + n : n;
          } else {
            open.trailingEquals--;
          }
          return;
        }
        // Some writers also fold quoted-printable lines with leading white space.
        open.mode = 'qp-fold';
      }
      if (open.mode === 'base64') {
        // Binary (photos, keys): its lines are passed over up to an empty line or the next property.
        if (end > start && !startsProperty(bytes, start, end)) return;
      } else if (end > start && (bytes[start] === SPACE || bytes[start] === TAB)) {
        // Folding: a line starting with a space or tab continues the previous one.
        appendValue(open, bytes, start + 1, end);
        return;
      }
      this.close();
    }
    this.open = openProperty(bytes, start, end, line);
  }

  private close(): void {
    const open = this.open!;
    this.open = null;
    const value = closedValue(open, this.warn);
    this.cards.property({ group: open.group, name: open.name, params: open.params, value, line: open.line });
  }
}
