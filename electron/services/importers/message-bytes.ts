/**
 * The fast path of the messages reader: whole records of a LinkedIn messages file (the layout with
 * profile URLs) read straight from their UTF-8 bytes. No text is made for a record whose sender and
 * recipient were seen before: the profile URLs are looked up by their bytes and the date is read
 * from its digits. Everything else goes to LinkedInSink as the text the general scanner
 * (csv-scan.ts) would have given it, so the result is the same to the last warning; and a record
 * the general scanner reads differently from a plain one (doubled quotes or text after the closing
 * quote in a kept field, more fields than the header, an unterminated quote) stops the fast path:
 * the caller reads the rest with the general scanner.
 */
import type { Buffer } from 'node:buffer';
import { MAX_RECORD_CHARS } from './csv-scan';
import { LinkedInSink, type MessagesResult } from './linkedin';
import { firstName } from './linkedin-messages';
import { messageDateKey } from './dates';

const QUOTE = 34;
const LF = 10;
const CR = 13;
const COMMA = 44;
const SPACE = 32;
/** Up to this many bytes, a field's end is looked for byte by byte (cheaper than a native call). */
const SHORT = 12;

const found = (index: number, none: number): number => (index < 0 ? none : index);

/** FNV-1a over bytes[start, end), as a signed 32-bit integer (what an Int32Array holds). */
export function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h;
}

function sameBytes(a: Uint8Array, aStart: number, b: Uint8Array, bStart: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (a[aStart + i] !== b[bStart + i]) return false;
  return true;
}

/**
 * Byte strings → participant ids, by open addressing. Each slot holds hash, id + 1, where the key
 * starts in the arena and its length: a lookup touches the slot and the key's bytes, nothing else.
 */
export class ByteKeyMap {
  private slots: Int32Array;
  private capacity: number;
  private size = 0;
  private arena: Uint8Array;
  private used = 0;

  /** `capacity` (a power of two): by default room for the people of a heavy user's export without growing (2 MB). */
  constructor(capacity = 64 * 1024) {
    this.capacity = capacity;
    this.slots = new Int32Array(4 * capacity);
    this.arena = new Uint8Array(16 * capacity);
  }

  /** The id of bytes[start, end) with hash h, or -1. */
  get(bytes: Uint8Array, start: number, end: number, h: number): number {
    const slots = this.slots;
    const mask = this.capacity - 1;
    const length = end - start;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const s = i * 4;
      const id = slots[s + 1]!;
      if (id === 0) return -1;
      if (slots[s] === h && slots[s + 3] === length && sameBytes(this.arena, slots[s + 2]!, bytes, start, length))
        return id - 1;
    }
  }

  /** Adds bytes[start, end) (not there yet) with hash h. */
  set(bytes: Uint8Array, start: number, end: number, h: number, id: number): void {
    if ((this.size + 1) * 2 > this.capacity) this.grow();
    const length = end - start;
    if (this.used + length > this.arena.length) {
      const arena = new Uint8Array(Math.max(this.arena.length * 2, this.used + length));
      arena.set(this.arena.subarray(0, this.used));
      this.arena = arena;
    }
    this.arena.set(bytes.subarray(start, end), this.used);
    this.place(h, id + 1, this.used, length);
    this.used += length;
    this.size++;
  }

  /** Where the bytes of a key that is there start in arenaBytes (for the caller's own comparisons); -1 if absent. */
  keyOf(bytes: Uint8Array, start: number, end: number, h: number): number {
    const mask = this.capacity - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const s = i * 4;
      if (this.slots[s + 1] === 0) return -1;
      if (
        this.slots[s] === h &&
        this.slots[s + 3] === end - start &&
        sameBytes(this.arena, this.slots[s + 2]!, bytes, start, end - start)
      )
        return this.slots[s + 2]!;
    }
  }

  get arenaBytes(): Uint8Array {
    return this.arena;
  }

  private place(h: number, id1: number, at: number, length: number): void {
    const mask = this.capacity - 1;
    let i = h & mask;
    while (this.slots[i * 4 + 1] !== 0) i = (i + 1) & mask;
    const s = i * 4;
    this.slots[s] = h;
    this.slots[s + 1] = id1;
    this.slots[s + 2] = at;
    this.slots[s + 3] = length;
  }

  private grow(): void {
    const old = this.slots;
    this.capacity *= 2;
    this.slots = new Int32Array(this.capacity * 4);
    for (let s = 0; s < old.length; s += 4)
      if (old[s + 1] !== 0) this.place(old[s]!, old[s + 1]!, old[s + 2]!, old[s + 3]!);
  }
}

/** The two decimal digits at b[i] and b[i + 1] as a number, or -1. */
function twoDigits(b: Uint8Array, i: number): number {
  const hi = b[i]! - 48;
  const lo = b[i + 1]! - 48;
  return hi >= 0 && hi <= 9 && lo >= 0 && lo <= 9 ? hi * 10 + lo : -1;
}

/** Reads `2024-03-20 15:09:26 UTC` from its bytes as messageDateKey() does; -1 for any other shape. */
export function byteDateKey(b: Uint8Array, s: number, e: number): number {
  if (
    e - s !== 23 ||
    b[s + 4] !== 45 ||
    b[s + 7] !== 45 ||
    b[s + 10] !== SPACE ||
    b[s + 13] !== 58 ||
    b[s + 16] !== 58 ||
    b[s + 19] !== SPACE ||
    b[s + 20] !== 85 ||
    b[s + 21] !== 84 ||
    b[s + 22] !== 67
  )
    return -1;
  const century = twoDigits(b, s);
  const year = twoDigits(b, s + 2);
  const month = twoDigits(b, s + 5);
  const day = twoDigits(b, s + 8);
  const hour = twoDigits(b, s + 11);
  const minute = twoDigits(b, s + 14);
  const second = twoDigits(b, s + 17);
  if (century < 0 || year < 0 || hour < 0 || minute < 0 || second < 0) return -1;
  if (month < 1 || month > 12 || day < 1 || day > 31) return -1;
  const date = (century * 100 + year) * 10_000 + month * 100 + day;
  return (date * 1_000_000 + hour * 10_000 + minute * 100 + second) * 4 + 2;
}

export class MessageBytes {
  private readonly delim: number;
  private readonly mask: Uint8Array;
  private readonly kept: number[];
  /** Where each kept field of the current record starts and ends. */
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  /** Whether it was quoted (an unquoted field holds no delimiter). */
  private readonly quotedField: Uint8Array;
  private readonly from: number;
  private readonly senderUrl: number;
  private readonly to: number;
  private readonly recipientUrls: number;
  private readonly date: number;
  private readonly ids = new ByteKeyMap();
  /** The export's owner is in every message: compared before the map. */
  private hotAt = -1;
  private hotLength = 0;
  private hotId = -1;
  private bytes: Buffer | null = null;
  /** The same bytes as a plain Uint8Array. */
  private view: Uint8Array = new Uint8Array(0);

  /** Null unless the sink reads a messages file with profile URLs (the 2018 layout goes the general way). */
  static for(sink: LinkedInSink, delimiter: string): MessageBytes | null {
    const result = sink.result;
    if (result?.kind !== 'linkedin-messages' || result.legacy || sink.columnMask === null) return null;
    if (delimiter.length !== 1 || delimiter.charCodeAt(0) > 127) return null;
    return new MessageBytes(sink, result, delimiter, sink.columnMask);
  }

  private constructor(
    private readonly sink: LinkedInSink,
    private readonly result: MessagesResult,
    delimiter: string,
    mask: Uint8Array,
  ) {
    this.delim = delimiter.charCodeAt(0);
    this.mask = mask;
    this.kept = [...mask.keys()].filter((i) => mask[i] === 1);
    this.starts = new Int32Array(mask.length);
    this.ends = new Int32Array(mask.length);
    this.quotedField = new Uint8Array(mask.length);
    this.from = sink.columnIndex('from');
    this.senderUrl = sink.columnIndex('sender profile url');
    this.to = sink.columnIndex('to');
    this.recipientUrls = sink.columnIndex('recipient profile urls');
    this.date = sink.columnIndex('date');
  }

  /**
   * Reads the whole records in `bytes` (valid UTF-8), the first on line `line`. Returns where it
   * stopped: at the end, or at a record for the general scanner, and that record's line.
   *
   * One loop over every byte of the messages file, the import's hottest path: split, it would pass its
   * position and the record's state between functions.
   */
  // eslint-disable-next-line max-lines-per-function
  read(bytes: Buffer, line: number): { offset: number; line: number } {
    this.bytes = bytes;
    // Loops index a plain Uint8Array (faster than a Buffer); long runs are searched natively.
    const b = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
    this.view = b;
    const len = b.length;
    // The next line feed, carriage return and delimiter at or after where each was last looked
    // for (len: none): every byte is searched at most once for each.
    let nextLf = -1;
    let nextCr = -1;
    let nextDelim = -1;
    const quotedField = this.quotedField;
    const delim = this.delim;
    const mask = this.mask;
    const columns = mask.length;
    const starts = this.starts;
    const ends = this.ends;
    let pos = 0;
    try {
      while (pos < len) {
        const recordStart = pos;
        let field = 0;
        let quoted = false;
        let lines = 0;
        for (;;) {
          // More fields than the header: the general scanner keeps the extra ones.
          if (field >= columns) return { offset: recordStart, line };
          const keep = mask[field] === 1;
          let start: number;
          let end: number;
          const isQuoted = pos < len && b[pos] === QUOTE;
          if (isQuoted) {
            quoted = true;
            let q = pos + 1;
            for (;;) {
              q = bytes.indexOf(QUOTE, q);
              // Unterminated: the general scanner says so.
              if (q < 0) return { offset: recordStart, line };
              if (q + 1 < len && b[q + 1] === QUOTE) {
                if (keep) return { offset: recordStart, line };
                q += 2;
                continue;
              }
              break;
            }
            start = pos + 1;
            end = q;
            // Line breaks inside the quotes count for line numbers.
            if (nextLf < start) nextLf = bytes.indexOf(LF, start);
            while (nextLf >= 0 && nextLf < end) {
              lines++;
              nextLf = bytes.indexOf(LF, nextLf + 1);
            }
            if (nextLf < 0) nextLf = len;
            pos = q + 1;
            if (pos < len && b[pos] !== delim && b[pos] !== LF && b[pos] !== CR) {
              // Text after the closing quote belongs to the field.
              if (keep) return { offset: recordStart, line };
              while (pos < len && b[pos] !== delim && b[pos] !== LF && b[pos] !== CR) pos++;
            }
          } else {
            start = pos;
            // Short fields byte by byte, longer ones by native search.
            const stop = pos + SHORT < len ? pos + SHORT : len;
            while (pos < stop) {
              const c = b[pos]!;
              if (c === delim || c === LF || c === CR) break;
              pos++;
            }
            if (pos === stop && pos < len && b[pos] !== delim && b[pos] !== LF && b[pos] !== CR) {
              if (nextLf < pos) nextLf = found(bytes.indexOf(LF, pos), len);
              if (nextCr < pos) nextCr = found(bytes.indexOf(CR, pos), len);
              if (nextDelim < pos) nextDelim = found(bytes.indexOf(delim, pos), len);
              pos = Math.min(nextDelim, nextLf, nextCr);
            }
            end = pos;
          }
          if (keep) {
            starts[field] = start;
            ends[field] = end;
            quotedField[field] = isQuoted ? 1 : 0;
          }
          field++;
          if (pos >= len) break;
          const c = b[pos]!;
          if (c === delim) {
            pos++;
            continue;
          }
          pos += c === CR && pos + 1 < len && b[pos + 1] === LF ? 2 : 1;
          lines++;
          break;
        }
        if (pos - recordStart > MAX_RECORD_CHARS) return { offset: recordStart, line };
        // An empty line is no record (as for the general scanner, a field not kept reads as empty).
        if (quoted || field > 1 || (mask[0] === 1 && ends[0]! > starts[0]!)) this.record(field, line);
        line += lines;
      }
      return { offset: len, line };
    } finally {
      this.bytes = null;
      this.view = new Uint8Array(0);
    }
  }

  private text(field: number, fields: number): string {
    if (field < 0 || field >= fields) return '';
    return this.bytes!.toString('latin1', this.starts[field]!, this.ends[field]!);
  }

  /** Non-empty and needs no trimming (LinkedInSink.trimmed would return it as it is). */
  private plain(field: number, fields: number): boolean {
    if (field < 0 || field >= fields) return false;
    const s = this.starts[field]!;
    const e = this.ends[field]!;
    return e > s && this.view[s]! > SPACE && this.view[e - 1]! > SPACE;
  }

  private record(fields: number, line: number): void {
    const b = this.view;
    const starts = this.starts;
    const ends = this.ends;
    // A record of nothing but white space is skipped by the sink: let it decide when unsure.
    let blank = true;
    for (const i of this.kept) {
      if (i >= fields || ends[i]! === starts[i]!) continue;
      const c = b[starts[i]!]!;
      if (c > SPACE && c < 0x80) {
        blank = false;
        break;
      }
    }
    if (blank || !this.plain(this.senderUrl, fields) || !this.plain(this.recipientUrls, fields)) {
      this.general(fields, line);
      return;
    }
    if (this.quotedField[this.recipientUrls] === 1 || this.delim !== COMMA) {
      const rs = starts[this.recipientUrls]!;
      const re = ends[this.recipientUrls]!;
      for (let i = rs; i < re; i++) {
        if (b[i] === COMMA) {
          // Several recipients.
          this.general(fields, line);
          return;
        }
      }
    }
    const sink = this.sink;
    const result = this.result;
    let date: number | null =
      this.date >= 0 && this.date < fields ? byteDateKey(b, starts[this.date]!, ends[this.date]!) : -1;
    if (date < 0) date = messageDateKey(sink.text(sink.trimmed(this.text(this.date, fields))));
    const from = this.participant(this.senderUrl, fields, this.from, false);
    const to = this.participant(this.recipientUrls, fields, this.to, true);
    sink.countMessage(result, line, from, to, date);
  }

  /**
   * The participant of a profile URL field (plain, see above). The name (in field `nameField`, the
   * first of a list when `firstOnly`) is only read when the URL is new here.
   */
  private participant(field: number, fields: number, nameField: number, firstOnly: boolean): number | null {
    const b = this.view;
    const s = this.starts[field]!;
    const e = this.ends[field]!;
    const length = e - s;
    if (length === this.hotLength && sameBytes(this.ids.arenaBytes, this.hotAt, b, s, length)) return this.hotId;
    const h = hashBytes(b, s, e);
    const known = this.ids.get(b, s, e, h);
    if (known >= 0) {
      const appearances = this.result.appearances;
      if (this.hotId < 0 || appearances[known]! > appearances[this.hotId]!) {
        this.hotId = known;
        this.hotAt = this.ids.keyOf(b, s, e, h);
        this.hotLength = length;
      }
      return known;
    }
    const sink = this.sink;
    const name = sink.trimmed(this.text(nameField, fields));
    const id = sink.participant(this.result, this.text(field, fields), firstOnly ? firstName(name) : name, 'bytes');
    // Known by its URL: by these bytes from now on (a participant known by name is not).
    if (id !== null && this.sink.byUrl) this.ids.set(b, s, e, h, id);
    return id;
  }

  /** The record as text, as the general scanner would give it, to the sink. */
  private general(fields: number, line: number): void {
    const values: string[] = [];
    for (let i = 0; i < fields; i++) values.push(this.mask[i] === 1 ? this.text(i, fields) : '');
    this.sink.record(values, line);
  }
}
